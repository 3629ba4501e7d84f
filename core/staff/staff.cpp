#include "staff/staff.h"

#include "base/enum_codes.h"

namespace ledger {

namespace {

constexpr CodeTable<RegistrationBody, 4> kBodies{{
    {RegistrationBody::None, ""},
    {RegistrationBody::SocialWorkEngland, "SWE"},
    {RegistrationBody::Hcpc, "HCPC"},
    {RegistrationBody::Nmc, "NMC"},
}};

} // namespace

std::string registrationBodyCode(RegistrationBody body) {
    return codeOf(kBodies, body);
}
std::optional<RegistrationBody> parseRegistrationBody(std::string_view code) {
    return parseCode(kBodies, code);
}

} // namespace ledger
