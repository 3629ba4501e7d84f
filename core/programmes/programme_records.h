#pragma once

// What the programmes' saves and imports say of each of their five kinds of record: its
// change-log entity, its natural key (section 8's), and the words for a duplicate or a
// record removed meanwhile. Internal to the programmes feature.

#include "base/date.h"
#include "programmes/apprenticeship.h"
#include "programmes/asye.h"

#include <string>
#include <tuple>

namespace ledger {

template <typename Record> struct ProgrammeRecord;

template <> struct ProgrammeRecord<AsyeEnrolment> {
    static constexpr const char* entity = "asye_enrolment";
    static constexpr const char* keyColumn = "employee_id";
    static constexpr const char* keyNames = "employee_id";
    static constexpr const char* noun = "the ASYE enrolment";
    static constexpr const char* what = "ASYE enrolment";
    static constexpr const char* duplicate = "this person is already enrolled on the ASYE";
    static std::string key(const AsyeEnrolment& e) { return e.employeeId; }
    static std::string logKey(const AsyeEnrolment& e) { return e.employeeId; }
};

template <> struct ProgrammeRecord<Supervision> {
    static constexpr const char* entity = "supervision";
    static constexpr const char* keyColumn = "date";
    static constexpr const char* keyNames = "employee_id and date";
    static constexpr const char* noun = "the supervision";
    static constexpr const char* what = "supervision";
    static constexpr const char* duplicate = "a supervision is already logged on this day";
    static std::tuple<std::string, Date> key(const Supervision& s) {
        return {s.employeeId, s.date};
    }
    static std::string logKey(const Supervision& s) {
        return s.employeeId + "/" + formatIso(s.date);
    }
};

template <> struct ProgrammeRecord<Apprenticeship> {
    static constexpr const char* entity = "apprenticeship";
    static constexpr const char* keyColumn = "standard_code";
    static constexpr const char* keyNames = "employee_id and standard_code";
    static constexpr const char* noun = "the apprenticeship";
    static constexpr const char* what = "apprenticeship";
    static constexpr const char* duplicate = "this person already has an apprenticeship on this "
                                             "standard";
    static std::tuple<std::string, std::string> key(const Apprenticeship& a) {
        return {a.employeeId, a.standardCode};
    }
    static std::string logKey(const Apprenticeship& a) {
        return a.employeeId + "/" + a.standardCode;
    }
};

template <> struct ProgrammeRecord<OtjEntry> {
    static constexpr const char* entity = "otj_entry";
    static constexpr const char* keyColumn = "date";
    static constexpr const char* keyNames = "employee_id, standard_code and date";
    static constexpr const char* noun = "the off-the-job hours";
    static constexpr const char* what = "off-the-job hours";
    static constexpr const char* duplicate = "off-the-job hours are already logged on this day";
    static std::tuple<std::string, std::string, Date> key(const OtjEntry& o) {
        return {o.employeeId, o.standardCode, o.date};
    }
    static std::string logKey(const OtjEntry& o) {
        return o.employeeId + "/" + o.standardCode + "/" + formatIso(o.date);
    }
};

template <> struct ProgrammeRecord<ApprenticeshipReview> {
    static constexpr const char* entity = "apprenticeship_review";
    static constexpr const char* keyColumn = "date";
    static constexpr const char* keyNames = "employee_id, standard_code and date";
    static constexpr const char* noun = "the progress review";
    static constexpr const char* what = "progress review";
    static constexpr const char* duplicate = "a progress review is already recorded on this day";
    static std::tuple<std::string, std::string, Date> key(const ApprenticeshipReview& r) {
        return {r.employeeId, r.standardCode, r.date};
    }
    static std::string logKey(const ApprenticeshipReview& r) {
        return r.employeeId + "/" + r.standardCode + "/" + formatIso(r.date);
    }
};

} // namespace ledger
