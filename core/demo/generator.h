#pragma once

#include "store/ledger_data.h"
#include "themes/theme.h"

#include <cstdint>
#include <string>

namespace ledger {

/// Settings of a synthetic council. The same options always give the same records.
struct GeneratorOptions {
    std::uint64_t seed = 1;
    int staff = 400; ///< everyone ever employed, leavers included
    int teams = 12;
    int modules = 18; ///< 1 to 60
    int years = 6;    ///< how far back the history of completions goes
    Date today{};     ///< the last day of the history; nothing is completed after it
    /// 0: completions follow each module's renewal cycle (a realistic demo). Otherwise about
    /// this many completions per person, for county-scale benchmarks.
    int completionsPerStaff = 0;
};

/// A realistic synthetic council ending on `options.today`: teams and roles of an adult
/// social care service, modules with varied renewal rules and ASC-WDS categories,
/// requirement rules by all, team and role, several years of completions, leavers and new
/// starters. Every record satisfies the compliance rules' section 7.
[[nodiscard]] LedgerData generateCouncil(const GeneratorOptions& options);

} // namespace ledger

namespace ledger {

/// Audit themes a council might be working on, raised in the year before `today`, linked to
/// those of their modules that `council` has: advocacy and carers' rights from case-file
/// audits, charging and financial assessment from complaints, an ombudsman finding on delay,
/// a safeguarding adults review, fire safety with the fire brigade, legal literacy.
[[nodiscard]] std::vector<AuditTheme> generateAuditThemes(const LedgerData& council, Date today);

/// A year of sessions for the demo council, in the import formats of rules/sessions.md:
/// monthly practice forums on realistic topics (linked to generateAuditThemes' themes, with
/// external speakers; one delivering the fire safety module), twelve months back and three
/// ahead, and a series of newly qualified social workers' group sessions; their logs hold
/// bookings, waiting lists, cancellations, apologies, attendance and a cancelled forum.
struct DemoSessions {
    std::string sessionsCsv;
    std::string actionsCsv;
};
[[nodiscard]] DemoSessions generateSessions(const LedgerData& council, Date today,
                                            std::uint64_t seed);

/// CPD for the demo council's registered social workers and occupational therapists, in the
/// `cpd` import format (rules/learning-record.md section 8): a year and a half of entries of
/// every type, linked to generateAuditThemes' themes, some with peer reflections, some still
/// drafts; about one in four social workers is short of this registration year's requirement
/// (one entry, or none with peer reflection), and some therapists have a gap of three months.
[[nodiscard]] std::string generateCpdCsv(const LedgerData& council, Date today, std::uint64_t seed);

/// The demo council's programmes, in the import formats of rules/learning-record.md section
/// 8: an ASYE cohort of the newly qualified social workers at different points of their year
/// (one with missed supervisions, one with a review unrecorded, one with concerns) and one
/// social worker whose year was extended; four apprentices, two on the social worker degree
/// standard ST0510 (one behind on off-the-job hours, a review overdue) and two on the
/// occupational therapist degree standard ST0517 (one on a break in learning).
struct DemoProgrammes {
    std::string asyeCsv;
    std::string supervisionsCsv;
    std::string apprenticeshipsCsv;
    std::string otjCsv;
    std::string reviewsCsv;
};
[[nodiscard]] DemoProgrammes generateProgrammes(const LedgerData& council, Date today,
                                                std::uint64_t seed);

/// About a dozen trusted-assessor authorisations for the demo council's therapy teams, in the
/// `trusted-assessors` import format (rules/learning-record.md section 8): occupational
/// therapists at level_4, OT assistants at level_3, officers in-house; most authorised on
/// `today`, three lapsing within 90 days, one lapsed, two in training, one withdrawn. Each
/// sign-off is by an `Occupational Therapist` in post that day (the caller lets that role
/// sign off before importing), never after `today`; the same arguments give the same file.
[[nodiscard]] std::string generateTrustedAssessorsCsv(const LedgerData& council, Date today,
                                                      std::uint64_t seed);

} // namespace ledger
