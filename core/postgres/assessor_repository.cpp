#include "postgres/repositories.h"

#include "base/error.h"

// Trusted assessors on the server: not yet (a server schema step and its row-level security
// come later). Reads return nothing; writes are refused.

namespace ledger::pg {

namespace {

[[noreturn]] void notYet() {
    throw NotPermitted("trusted assessors are not yet kept on a server");
}

} // namespace

std::vector<TrustedAssessor> AssessorRepo::authorisations() {
    return {};
}
std::optional<TrustedAssessor> AssessorRepo::authorisation(std::string_view, AssessorLevel) {
    return std::nullopt;
}
RecordId AssessorRepo::put(const TrustedAssessor&) {
    notYet();
}
std::vector<EquipmentCategory> AssessorRepo::categories() {
    return {};
}
void AssessorRepo::addCategory(const EquipmentCategory&) {
    notYet();
}
std::optional<bool> AssessorRepo::roleCanSignOff(std::string_view) {
    return std::nullopt;
}
void AssessorRepo::setRoleCanSignOff(std::string_view, bool) {
    notYet();
}
std::vector<std::string> AssessorRepo::signingRoles() {
    return {};
}

} // namespace ledger::pg
