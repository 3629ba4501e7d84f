#include "training/training.h"

#include "base/enum_codes.h"

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

} // namespace ledger
