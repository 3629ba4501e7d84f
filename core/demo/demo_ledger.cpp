#include "demo/demo_ledger.h"

#include "io/csv.h"

#include <algorithm>

namespace ledger {

namespace {

/// What the demo's CPD import cannot hold: drafts made from the latest forum's attendance
/// (linked to it) and evidence files; returns "who you are": a social worker short of this year's
/// requirement with a forum attended and not yet logged, so that My learning has work to do.
std::string addDemoCpdExtras(Ledger& demo, const LedgerData& council, Date today,
                             const std::string& actor) {
    std::vector<SessionWithBookings> held;
    for (SessionWithBookings& w : demo.sessions().all()) {
        if (w.outcome.status == SessionStatus::Held) {
            held.push_back(std::move(w));
        }
    }
    const auto attended = [](const SessionWithBookings& w, const std::string& id) {
        return std::any_of(w.outcome.people.begin(), w.outcome.people.end(), [&](const Booking& b) {
            return b.employeeId == id && b.state == BookingState::Attended;
        });
    };
    std::string me;
    for (const Staff& s : council.staff) {
        if (s.registrationBody != RegistrationBody::SocialWorkEngland || !me.empty()) {
            continue;
        }
        const auto entries = demo.cpd().of(s.employeeId);
        const bool shortOfYear =
            checkSocialWorkEngland(s.registrationBody, entries, today).status ==
            RegistrationStatus::NotMet;
        const bool wentToOne = std::any_of(
            held.begin(), held.end(), [&](const auto& w) { return attended(w, s.employeeId); });
        if (shortOfYear && wentToOne && !entries.empty()) {
            me = s.employeeId;
        }
    }
    // Drafts from the latest held forum's attendance, for everyone registered but "me".
    for (auto w = held.rbegin(); w != held.rend(); ++w) {
        if (w->session.kind != SessionKind::PracticeForum) {
            continue;
        }
        int made = 0;
        for (const Booking& b : w->outcome.people) {
            const auto* person =
                std::find_if(council.staff.data(), council.staff.data() + council.staff.size(),
                             [&](const Staff& s) { return s.employeeId == b.employeeId; });
            if (b.state != BookingState::Attended || b.employeeId == me ||
                person == council.staff.data() + council.staff.size() ||
                person->registrationBody == RegistrationBody::None || made >= 8) {
                continue;
            }
            CpdEntry e;
            e.employeeId = b.employeeId;
            e.date = dateOf(w->session.startsAt).value_or(today);
            e.title = w->session.title;
            e.type = CpdType::PracticeForum;
            e.hours = 150;
            e.description = "Attended the forum.";
            e.themes.insert(w->session.themes.begin(), w->session.themes.end());
            e.status = CpdStatus::Draft;
            e.source = CpdSessionSource{w->session.key};
            try {
                demo.cpd().save(e, today, actor);
                ++made;
            } catch (const ValidationError&) {
                // the same day and title logged already
            }
        }
        break;
    }
    // Evidence: a short reflective log on a few final entries.
    int attachedTo = 0;
    for (const CpdEntry& e : demo.cpd().all()) {
        if (e.status != CpdStatus::Final || (attachedTo >= 12 && e.employeeId != me)) {
            continue;
        }
        const std::string log = "Reflective log: " + e.title + "\n\nWhat I did: " + e.description +
                                "\nWhat I learnt: " + e.learning + "\n";
        demo.cpd().attach(AttachmentOwner::CpdEntry, e.id, "reflective-log.txt", "text/plain", log,
                          actor);
        ++attachedTo;
    }
    return me;
}

} // namespace

std::string fillDemoLedger(Ledger& ledger, const GeneratorOptions& options,
                           const std::string& actor) {
    const LedgerData council = generateCouncil(options);
    ledger.imports().records(council, options.today, actor);
    for (const AuditTheme& theme : generateAuditThemes(council, options.today)) {
        ledger.themes().save(theme, options.today, actor);
    }
    // A year of forums and NQ sessions, through the same checks as an import.
    const DemoSessions sessions = generateSessions(council, options.today, options.seed);
    MemoryCsvSource sessionRows(sessions.sessionsCsv);
    ledger.sessionImport().run(ImportKind::Sessions, "demo sessions", sessionRows, options.today,
                               false, actor);
    MemoryCsvSource actionRows(sessions.actionsCsv);
    ledger.sessionImport().run(ImportKind::BookingActions, "demo bookings", actionRows,
                               options.today, false, actor);
    // CPD for the registered staff, through the same checks as an import.
    const std::string cpdCsv = generateCpdCsv(council, options.today, options.seed);
    MemoryCsvSource cpdRows(cpdCsv); // reads it in place: kept alive here
    ledger.cpdImport().run("demo CPD", cpdRows, options.today, false, actor);
    // Trusted assessors for the therapy teams, signed off by occupational therapists,
    // through the same checks as an import.
    // (A council too small to have one has no trusted assessors.)
    if (std::any_of(council.staff.begin(), council.staff.end(),
                    [](const Staff& s) { return s.role == "Occupational Therapist"; })) {
        ledger.assessors().setRoleCanSignOff("Occupational Therapist", true, actor);
    }
    const std::string assessorsCsv =
        generateTrustedAssessorsCsv(council, options.today, options.seed);
    MemoryCsvSource assessorRows(assessorsCsv);
    ledger.assessors().importFile("demo trusted assessors", assessorRows, options.today, false,
                                  actor);
    const std::string me = addDemoCpdExtras(ledger, council, options.today, actor);
    // The ASYE cohort and the apprentices, through the same checks as their imports.
    const DemoProgrammes programmes = generateProgrammes(council, options.today, options.seed);
    for (const auto& [kind, csv] :
         {std::pair{ImportKind::Asye, &programmes.asyeCsv},
          std::pair{ImportKind::Supervisions, &programmes.supervisionsCsv},
          std::pair{ImportKind::Apprenticeships, &programmes.apprenticeshipsCsv},
          std::pair{ImportKind::OtjHours, &programmes.otjCsv},
          std::pair{ImportKind::ApprenticeshipReviews, &programmes.reviewsCsv}}) {
        MemoryCsvSource rows(*csv);
        ledger.programmes().importFile(kind, "demo programmes", rows, options.today, false, actor);
    }
    ledger.settings().set("organisation_name", "Demo Borough Council", actor);
    // Its ASC-WDS workplace reference, so that the demo's training file can be exported.
    ledger.settings().set("asc_wds_localestid", "DBC-ADULT-SOCIAL-CARE", actor);
    return me;
}

} // namespace ledger
