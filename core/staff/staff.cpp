#include "staff/staff.h"

#include "base/enum_codes.h"

#include <array>

namespace ledger {

namespace {

constexpr CodeTable<RegistrationBody, 4> kBodies{{
    {RegistrationBody::None, ""},
    {RegistrationBody::SocialWorkEngland, "SWE"},
    {RegistrationBody::Hcpc, "HCPC"},
    {RegistrationBody::Nmc, "NMC"},
}};

constexpr std::array<ChoiceOption, 4> kBodyOptions{{
    {"", "None"},
    {"SWE", "Social Work England"},
    {"HCPC", "HCPC"},
    {"NMC", "NMC"},
}};

} // namespace

std::string registrationBodyCode(RegistrationBody body) {
    return codeOf(kBodies, body);
}
std::optional<RegistrationBody> parseRegistrationBody(std::string_view code) {
    return parseCode(kBodies, code);
}

const RecordSpec<Staff>& staffSpec() {
    using namespace spec;
    static const RecordSpec<Staff> kSpec{
        "staff",
        {
            with(text("employee_id", "Employee id", &Staff::employeeId), FieldRole::Identity),
            text("full_name", "Full name", &Staff::fullName),
            text("email", "Email", &Staff::email),
            stored(text("team", "Team", &Staff::team), Storage::ByRepository),
            stored(text("role", "Role", &Staff::role), Storage::ByRepository),
            date("start_date", "Start date", &Staff::startDate),
            optionalDate("leave_date", "Leave date", &Staff::leaveDate),
            omittable(text("line_manager_id", "Line manager", &Staff::lineManagerId)),
            omittable(choice("registration_body", "Registration body", &Staff::registrationBody,
                             kBodies, kBodyOptions)),
            omittable(
                text("registration_number", "Registration number", &Staff::registrationNumber)),
        }};
    return kSpec;
}

bool employedOn(const Staff& s, Date d) {
    return s.startDate <= d && (!s.leaveDate || d <= *s.leaveDate);
}

} // namespace ledger
