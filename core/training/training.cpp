#include "training/training.h"

#include "base/enum_codes.h"
#include "base/validation.h"

#include <array>

namespace ledger {

namespace {

constexpr CodeTable<RenewalBasis, 2> kBases{{
    {RenewalBasis::Completion, "completion"},
    {RenewalBasis::Expiry, "expiry"},
}};

constexpr CodeTable<Scope, 3> kScopes{{
    {Scope::All, "all"},
    {Scope::Team, "team"},
    {Scope::Role, "role"},
}};

constexpr std::array<ChoiceOption, 2> kBasisOptions{{
    {"completion", "The completion date"},
    {"expiry", "The previous expiry, if renewed in the window"},
}};

constexpr std::array<ChoiceOption, 3> kScopeOptions{{
    {"all", "All staff"},
    {"team", "One team"},
    {"role", "One role"},
}};

} // namespace

std::string renewalBasisCode(RenewalBasis basis) {
    return codeOf(kBases, basis);
}
std::optional<RenewalBasis> parseRenewalBasis(std::string_view code) {
    return parseCode(kBases, code);
}

std::string scopeCode(Scope scope) {
    return codeOf(kScopes, scope);
}
std::optional<Scope> parseScope(std::string_view code) {
    return parseCode(kScopes, code);
}

const RecordSpec<Module>& moduleSpec() {
    using namespace spec;
    static const RecordSpec<Module> kSpec{
        "module",
        {
            with(text("code", "Code", &Module::code), FieldRole::Identity),
            text("title", "Title", &Module::title),
            optionalNumber("renewal_months", "Renewal (months)", &Module::renewalMonths, 1,
                           kMaxRenewalMonths, "months (or none)", "none"),
            choice("renewal_basis", "Renewal counted from", &Module::renewalBasis, kBases,
                   kBasisOptions, "completion"),
            number("window_days", "Renewal window (days)", &Module::windowDays, 0, kMaxDays, "days",
                   90),
            number("due_soon_days", "Due soon (days)", &Module::dueSoonDays, 0, kMaxDays, "days",
                   60),
            optionalNumber("asc_wds_category", "ASC-WDS training category", &Module::ascWdsCategory,
                           1, 999, "a category"),
            // Added in schema 10: a module file written before may leave them out (and then
            // keeps what is stored).
            omittable(optionalNumber("asc_wds_accredited", "ASC-WDS accredited",
                                     &Module::ascWdsAccredited, 0, 999, "code")),
            omittable(optionalNumber("asc_wds_who_delivered", "ASC-WDS who delivered",
                                     &Module::ascWdsWhoDelivered, 1, 2, "code")),
            omittable(optionalNumber("asc_wds_provider", "ASC-WDS provider code",
                                     &Module::ascWdsProvider, 1, 99999, "code")),
            omittable(optionalNumber("asc_wds_how_delivered", "ASC-WDS how delivered",
                                     &Module::ascWdsHowDelivered, 1, 2, "code")),
        }};
    return kSpec;
}

const RecordSpec<Requirement>& requirementSpec() {
    using namespace spec;
    static const RecordSpec<Requirement> kSpec{
        "requirement",
        {
            with(requiredText("module", "Module", &Requirement::moduleCode, "a module code"),
                 FieldRole::Key, Storage::ByRepository),
            with(choice("scope", "Applies to", &Requirement::scope, kScopes, kScopeOptions),
                 FieldRole::Key),
            with(text("value", "Team or role", &Requirement::value), FieldRole::Key),
            number("due_within_days", "Due within (days)", &Requirement::dueWithinDays, 0, kMaxDays,
                   "days", 0),
            optionalDate("effective_from", "Effective from", &Requirement::effectiveFrom),
        }};
    return kSpec;
}

const RecordSpec<Completion>& completionSpec() {
    using namespace spec;
    static const RecordSpec<Completion> kSpec{
        "completion",
        {
            with(requiredText("employee_id", "Employee id", &Completion::employeeId,
                              "an employee id"),
                 FieldRole::Identity, Storage::ByRepository),
            with(requiredText("module", "Module", &Completion::moduleCode, "a module code"),
                 FieldRole::Key, Storage::ByRepository),
            with(date("completed_on", "Completed on", &Completion::completedOn), FieldRole::Key),
            optionalDate("expires_on", "Expires on", &Completion::expiresOn),
            text("evidence", "Evidence", &Completion::evidence),
        }};
    return kSpec;
}

} // namespace ledger
