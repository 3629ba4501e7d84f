#include "ledger/validation.h"

#include "ledger/asc_wds.h"

namespace ledger {

namespace {

void require(std::vector<FieldError>& errors, bool ok, const char* field, std::string message) {
    if (!ok) {
        errors.push_back(FieldError{{}, 0, field, std::move(message)});
    }
}

bool plausibleEmail(const std::string& email) {
    const auto at = email.find('@');
    return at != std::string::npos && at > 0 && at + 1 < email.size() &&
           email.find('@', at + 1) == std::string::npos &&
           email.find_first_of(" \t,;<>") == std::string::npos &&
           email.find('.', at) != std::string::npos;
}

bool inDays(int value) {
    return value >= 0 && value <= kMaxDays;
}

} // namespace

ValidationContext makeValidationContext(const LedgerData& data, Date today) {
    ValidationContext context;
    context.today = today;
    for (const Staff& s : data.staff) {
        context.employeeIds.insert(s.employeeId);
    }
    for (const Module& m : data.modules) {
        context.moduleCodes.insert(m.code);
    }
    return context;
}

std::vector<FieldError> validateStaff(const Staff& s, const ValidationContext& context) {
    std::vector<FieldError> errors;
    require(errors, !s.employeeId.empty(), "employee_id", "an employee id is required");
    require(errors, s.employeeId.size() <= kMaxIdLength, "employee_id",
            "an employee id is at most 50 characters");
    require(errors, !s.fullName.empty(), "full_name", "a name is required");
    require(errors, s.email.empty() || plausibleEmail(s.email), "email",
            "'" + s.email + "' is not an email address");
    require(errors, !s.team.empty(), "team", "a team is required");
    require(errors, !s.role.empty(), "role", "a role is required");
    require(errors, s.startDate.ok(), "start_date", "a start date is required");
    require(errors, !s.leaveDate || *s.leaveDate >= s.startDate, "leave_date",
            "the leave date is before the start date");
    if (!s.lineManagerId.empty()) {
        require(errors, s.lineManagerId != s.employeeId, "line_manager_id",
                "a person cannot be their own line manager");
        require(errors, context.employeeIds.contains(s.lineManagerId), "line_manager_id",
                "no staff member has employee id " + s.lineManagerId);
    }
    require(errors, s.registrationBody != RegistrationBody::None || s.registrationNumber.empty(),
            "registration_body", "a registration number needs its body (SWE, HCPC or NMC)");
    require(errors, s.registrationBody == RegistrationBody::None || !s.registrationNumber.empty(),
            "registration_number", "the registration number is missing");
    return errors;
}

std::vector<FieldError> validateModule(const Module& m) {
    std::vector<FieldError> errors;
    require(errors, !m.code.empty(), "code", "a module code is required");
    require(errors, !m.title.empty(), "title", "a title is required");
    require(errors,
            !m.renewalMonths || (*m.renewalMonths >= 1 && *m.renewalMonths <= kMaxRenewalMonths),
            "renewal_months", "renewal is a whole number of months from 1 to 999, or none");
    require(errors, inDays(m.windowDays), "window_days", "a whole number of days from 0 to 3650");
    require(errors, inDays(m.dueSoonDays), "due_soon_days",
            "a whole number of days from 0 to 3650");
    require(
        errors, !m.ascWdsCategory || findAscWdsCategory(*m.ascWdsCategory).has_value(),
        "asc_wds_category",
        "not an ASC-WDS training category code" +
            (m.ascWdsCategory ? " (" + std::to_string(*m.ascWdsCategory) + ")" : std::string()));
    return errors;
}

std::vector<FieldError> validateRequirement(const Requirement& r,
                                            const ValidationContext& context) {
    std::vector<FieldError> errors;
    if (r.moduleCode.empty()) {
        require(errors, false, "module", "a module is required");
    } else {
        require(errors, context.moduleCodes.contains(r.moduleCode), "module",
                "no module has code " + r.moduleCode);
    }
    if (r.scope == Scope::All) {
        require(errors, r.value.empty(), "value", "a rule for all staff takes no value");
    } else {
        require(errors, !r.value.empty(), "value",
                std::string("a ") + (r.scope == Scope::Team ? "team" : "role") +
                    " name is required");
    }
    require(errors, inDays(r.dueWithinDays), "due_within_days",
            "a whole number of days from 0 to 3650");
    return errors;
}

std::vector<FieldError> validateCompletion(const Completion& c, const ValidationContext& context) {
    std::vector<FieldError> errors;
    if (c.employeeId.empty()) {
        require(errors, false, "employee_id", "an employee id is required");
    } else {
        require(errors, context.employeeIds.contains(c.employeeId), "employee_id",
                "no staff member has employee id " + c.employeeId);
    }
    if (c.moduleCode.empty()) {
        require(errors, false, "module", "a module is required");
    } else {
        require(errors, context.moduleCodes.contains(c.moduleCode), "module",
                "no module has code " + c.moduleCode);
    }
    require(errors, c.completedOn <= context.today, "completed_on",
            "the completion date " + formatIso(c.completedOn) + " is after today (" +
                formatIso(context.today) + ")");
    require(errors, !c.expiresOn || *c.expiresOn >= c.completedOn, "expires_on",
            "the expiry date is before the completion date");
    return errors;
}

std::vector<FieldError> validateAuditTheme(const AuditTheme& t, const ValidationContext& context) {
    std::vector<FieldError> errors;
    require(errors, !t.title.empty(), "title", "a title is required");
    require(errors, t.raisedOn <= context.today, "raised_on", "the date raised is after today");
    for (const std::string& code : t.moduleCodes) {
        require(errors, context.moduleCodes.contains(code), "modules",
                "no module has code " + code);
    }
    return errors;
}

} // namespace ledger
