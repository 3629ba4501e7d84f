#pragma once

#include "base/ids.h"
#include "programmes/apprenticeship.h"
#include "programmes/asye.h"

#include <optional>
#include <string_view>
#include <vector>

namespace ledger {

/// Where the programmes live (rules/learning-record.md sections 5 and 6): ASYE enrolments and
/// their supervisions, apprenticeships with their off-the-job hours and progress reviews, in a
/// ledger file or on a server (where each account reads and writes only what row-level
/// security lets it: a supervision also by the named supervisor, OTJ hours also by the
/// apprentice).
///
/// Each `put` inserts when the record's id is 0, else updates it: refused (StaleRecord) when
/// its known version is not the stored one, Conflict when it was removed meanwhile,
/// ValidationError naming the key column when its person (or, for a supervision, OTJ hours or
/// a review, its enrolment or apprenticeship) is not there. It returns the record's id.
class ProgrammeRepository {
public:
    virtual ~ProgrammeRepository() = default;

    /// Every ASYE enrolment, by employee id.
    [[nodiscard]] virtual std::vector<AsyeEnrolment> enrolments() = 0;
    /// One person's enrolment, if any.
    [[nodiscard]] virtual std::optional<AsyeEnrolment> enrolment(std::string_view employeeId) = 0;
    virtual RecordId put(const AsyeEnrolment& enrolment) = 0;

    /// Every supervision, by employee id then date; or one person's.
    [[nodiscard]] virtual std::vector<Supervision>
    supervisions(std::optional<std::string_view> employeeId = std::nullopt) = 0;
    virtual RecordId put(const Supervision& supervision) = 0;
    /// Removes a supervision logged in error (Conflict when it is not there).
    virtual void remove(const Supervision& supervision) = 0;

    /// Every apprenticeship, by employee id then standard code.
    [[nodiscard]] virtual std::vector<Apprenticeship> apprenticeships() = 0;
    virtual RecordId put(const Apprenticeship& apprenticeship) = 0;

    /// Every OTJ entry, by employee id, standard code, then date.
    [[nodiscard]] virtual std::vector<OtjEntry> otjEntries() = 0;
    virtual RecordId put(const OtjEntry& entry) = 0;

    /// Every progress review, by employee id, standard code, then date.
    [[nodiscard]] virtual std::vector<ApprenticeshipReview> apprenticeshipReviews() = 0;
    virtual RecordId put(const ApprenticeshipReview& review) = 0;
};

} // namespace ledger
