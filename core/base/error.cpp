#include "base/error.h"

namespace ledger {

namespace {
std::string summary(const std::vector<FieldError>& errors) {
    if (errors.empty()) {
        return "invalid input";
    }
    std::string text = formatFieldError(errors.front());
    if (errors.size() > 1) {
        text += " (and " + std::to_string(errors.size() - 1) + " more)";
    }
    return text;
}
} // namespace

ValidationError::ValidationError(std::vector<FieldError> errors)
    : Error(summary(errors)), m_errors(std::move(errors)) {
}

std::string formatFieldError(const FieldError& error) {
    std::string text;
    if (!error.file.empty()) {
        text += error.file + ":" + std::to_string(error.line) + ": ";
    }
    if (!error.field.empty()) {
        text += error.field + ": ";
    }
    text += error.message;
    return text;
}

} // namespace ledger
