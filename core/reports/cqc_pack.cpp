#include "reports/cqc_pack.h"

#include "ledger.h"
#include "reports/coverage_reports.h"
#include "reports/report.h"
#include "reports/session_reports.h"
#include "sessions/series.h"

#include <algorithm>
#include <map>
#include <set>

namespace ledger {

namespace {

using doc::Tone;

std::string percentWords(const CoverageCell& cell) {
    const std::string percent = formatPercent(cell.percentTenths());
    return percent.empty() ? "no one counted yet" : percent + "%";
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string themeSourceWords(ThemeSource source) {
    switch (source) {
    case ThemeSource::CaseFileAudit:
        return "Case file audit";
    case ThemeSource::Complaint:
        return "Complaint";
    case ThemeSource::Ombudsman:
        return "Ombudsman";
    case ThemeSource::SafeguardingAdultsReview:
        return "Safeguarding adults review";
    case ThemeSource::PeerChallenge:
        return "Peer challenge";
    case ThemeSource::Cqc:
        return "CQC";
    case ThemeSource::Other:
        return "Other";
    }
    return {};
}

std::string themeStatusWords(ThemeStatus status) {
    switch (status) {
    case ThemeStatus::Open:
        return "Open";
    case ThemeStatus::BeingAddressed:
        return "Being addressed";
    case ThemeStatus::ReAudited:
        return "Re-audited";
    case ThemeStatus::Closed:
        return "Closed";
    }
    return {};
}

std::string sessionKindWords(SessionKind kind) {
    switch (kind) {
    case SessionKind::PracticeForum:
        return "Practice forum";
    case SessionKind::NqSession:
        return "NQ session";
    case SessionKind::Conference:
        return "Conference";
    case SessionKind::Workshop:
        return "Workshop";
    case SessionKind::Other:
        return "Other";
    }
    return {};
}

void none(doc::Document& d, const std::string& what) {
    d.blocks.push_back(doc::Paragraph{"No " + what + " are recorded in the ledger yet.", true});
}

void coverageSection(doc::Document& d, const ComplianceEngine& engine,
                     const std::vector<Module>& modules, const std::vector<Staff>& staff,
                     Date asOf) {
    d.blocks.push_back(doc::Heading{"1. Mandatory and statutory training coverage", 1});
    const CoverageTable table = engine.coverageByTeam(toDayNumber(asOf));
    const CoverageCell all = poolModules(table, std::nullopt);
    if (all.required == 0) {
        none(d, "training requirements");
        return;
    }
    d.blocks.push_back(doc::Paragraph{
        "Coverage counts the people covered (trained and in date, or due to renew soon) against "
        "those covered or overdue, pooled over every module each person is required to do. "
        "New starters within their first-due period count neither way."});
    const int covered = all.compliant + all.dueSoon;
    const auto tenths = all.percentTenths();
    d.blocks.push_back(
        doc::Status{"Organisation coverage on " + formatUk(asOf), percentWords(all),
                    std::to_string(covered) + " of " + std::to_string(covered + all.overdue) +
                        " required trainings in date; " + std::to_string(all.overdue) +
                        " overdue; " + std::to_string(all.notYetDue) + " not yet due",
                    !tenths          ? Tone::Neutral
                    : *tenths >= 950 ? Tone::Good
                    : *tenths >= 800 ? Tone::Warning
                                     : Tone::Bad});
    const auto soon = expiringRows(engine, staff, asOf, 90);
    const auto dueSoon =
        static_cast<std::size_t>(std::count_if(soon.begin(), soon.end(), [](const ExpiringRow& r) {
            return r.status != Status::Overdue;
        }));
    d.blocks.push_back(doc::Status{"Falling due in the next 90 days",
                                   plural(dueSoon, "training", "trainings"),
                                   "each with a reminder list by line manager", Tone::Neutral});

    // The trend: the 24 month ends up to the day's month.
    const YearMonth last = lastCompleteMonth(addDays(asOf, 1));
    const auto points = coverageTrend(engine, addMonths(last, -23), last, {});
    const Report trend = trendReport(points, "All teams, every module");
    for (const ReportChart& chart : trend.charts) {
        doc::Chart c;
        c.title = "Coverage at each month end, " + formatUk(points.front().monthEnd) + " to " +
                  formatUk(points.back().monthEnd);
        c.yLabel = chart.yLabel;
        c.xLabels = chart.xLabels;
        for (const auto& [name, values] : chart.series) {
            c.series.push_back(doc::Chart::Series{name, values});
        }
        c.yMin = chart.yMin;
        c.yMax = chart.yMax;
        d.blocks.push_back(std::move(c));
    }

    doc::Table byModule;
    byModule.header = {"Module", "Required", "In date", "Overdue", "Coverage"};
    byModule.widths = {4.0, 1.3, 1.3, 1.3, 1.4};
    std::vector<std::size_t> order;
    for (std::size_t m = 0; m < table.moduleCount(); ++m) {
        if (table.total(m).required > 0) {
            order.push_back(m);
        }
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return engine.moduleCode(a) < engine.moduleCode(b);
    });
    for (const std::size_t m : order) {
        const CoverageCell& cell = table.total(m);
        const auto found = std::find_if(modules.begin(), modules.end(), [&](const Module& x) {
            return x.code == engine.moduleCode(m);
        });
        const std::string title =
            found != modules.end() ? found->title + " (" + found->code + ")" : engine.moduleCode(m);
        const auto t = cell.percentTenths();
        doc::TableRow row{{title, std::to_string(cell.required),
                           std::to_string(cell.compliant + cell.dueSoon),
                           std::to_string(cell.overdue), percentWords(cell)},
                          false,
                          false,
                          {}};
        row.tones = {Tone::Neutral, Tone::Neutral, Tone::Neutral,
                     cell.overdue > 0 ? Tone::Bad : Tone::Neutral,
                     !t          ? Tone::Neutral
                     : *t >= 950 ? Tone::Good
                     : *t >= 800 ? Tone::Warning
                                 : Tone::Bad};
        byModule.rows.push_back(std::move(row));
    }
    d.blocks.push_back(doc::Heading{"Coverage by module", 2});
    d.blocks.push_back(std::move(byModule));
}

void sessionsSection(doc::Document& d, Ledger& ledger, Date from, Date asOf) {
    d.blocks.push_back(doc::Heading{"2. Practice forums and learning sessions held", 1});
    d.blocks.push_back(doc::Paragraph{"Sessions held from " + formatUk(from) + " to " +
                                      formatUk(asOf) +
                                      ", with the audit themes each addressed and who attended."});
    std::map<std::string, std::string> themeTitles;
    for (const AuditTheme& t : ledger.themes().all()) {
        themeTitles[t.key] = t.title;
    }
    doc::Table held;
    held.header = {"Date", "Session", "Kind", "Themes addressed", "Attended"};
    held.widths = {1.6, 3.0, 1.4, 3.0, 1.2};
    std::size_t forums = 0;
    int attendances = 0;
    std::set<std::string> people;
    for (const SessionWithBookings& s : ledger.sessions().all()) {
        const auto day = dateOf(s.session.startsAt);
        if (!day || *day < from || *day > asOf || s.outcome.status != SessionStatus::Held) {
            continue;
        }
        int attended = 0;
        for (const Booking& b : s.outcome.people) {
            if (b.state == BookingState::Attended) {
                ++attended;
                people.insert(b.employeeId);
            }
        }
        std::string themes;
        for (const std::string& key : s.session.themes) {
            const auto found = themeTitles.find(key);
            themes +=
                (themes.empty() ? "" : "; ") + (found != themeTitles.end() ? found->second : key);
        }
        forums += s.session.kind == SessionKind::PracticeForum ? 1U : 0U;
        attendances += attended;
        held.rows.push_back(
            doc::TableRow{{formatUk(*day), s.session.title, sessionKindWords(s.session.kind),
                           themes.empty() ? "(none linked)" : themes, std::to_string(attended)},
                          false,
                          false,
                          {}});
    }
    if (held.rows.empty()) {
        none(d, "sessions held in the period");
        return;
    }
    d.blocks.push_back(doc::Status{"Sessions held", plural(held.rows.size(), "session", "sessions"),
                                   plural(forums, "practice forum", "practice forums") + "; " +
                                       std::to_string(attendances) + " attendances by " +
                                       plural(people.size(), "member of staff", "members of staff"),
                                   Tone::Neutral});
    d.blocks.push_back(std::move(held));
}

void themesSection(doc::Document& d, Ledger& ledger, Date from, Date asOf) {
    d.blocks.push_back(doc::Heading{"3. Learning from complaints and audits", 1});
    d.blocks.push_back(doc::Paragraph{
        "Each theme raised by a complaint, an audit, a review or an inspection, what is being "
        "done about it, and how far the learning has reached from " +
        formatUk(from) + " to " + formatUk(asOf) +
        " (sessions held on it, training completed and CPD recorded against it, and the "
        "distinct staff these reached)."});
    const auto all = ledger.themes().all();
    std::vector<AuditTheme> raised;
    for (const AuditTheme& t : all) {
        if (t.raisedOn <= asOf) {
            raised.push_back(t);
        }
    }
    if (raised.empty()) {
        none(d, "audit or complaint themes");
        return;
    }
    const auto rows = themeReportRows(raised, ledger.sessions().themesWithTouches(), from, asOf);
    std::map<std::string, const AuditTheme*> byKey;
    for (const AuditTheme& t : raised) {
        byKey[t.key] = &t;
    }
    doc::Table table;
    table.header = {"Theme", "Raised by", "Status", "Sessions", "Training", "CPD", "Staff reached"};
    table.widths = {3.0, 1.6, 1.7, 1.1, 1.1, 0.8, 1.1};
    for (const ThemeReportRow& r : rows) {
        doc::TableRow row{{r.title, themeSourceWords(r.source), themeStatusWords(r.status),
                           std::to_string(r.reach.sessionsHeld),
                           std::to_string(r.reach.completions), std::to_string(r.reach.cpdEntries),
                           std::to_string(r.reach.staffReached)},
                          false,
                          false,
                          {}};
        row.tones = std::vector<Tone>(7, Tone::Neutral);
        row.tones[2] = r.status == ThemeStatus::Open ? Tone::Warning : Tone::Good;
        table.rows.push_back(std::move(row));
    }
    const auto open = std::count_if(rows.begin(), rows.end(), [](const ThemeReportRow& r) {
        return r.status == ThemeStatus::Open;
    });
    d.blocks.push_back(doc::Status{
        "Themes", plural(rows.size(), "theme raised", "themes raised"),
        std::to_string(open) + " still open, the others being addressed, re-audited or closed",
        Tone::Neutral});
    d.blocks.push_back(std::move(table));
}

void asyeSection(doc::Document& d, Ledger& ledger, Date asOf) {
    d.blocks.push_back(doc::Heading{"4. Newly qualified social workers (ASYE)", 1});
    const auto rows = ledger.programmes().asyeReport(asOf);
    if (rows.empty()) {
        none(d, "ASYE enrolments");
        return;
    }
    std::size_t open = 0;
    std::size_t overdue = 0;
    std::size_t gaps = 0;
    for (const AsyeReportRow& r : rows) {
        open += r.enrolment.outcome ? 0U : 1U;
        overdue += r.figures.overdue.empty() ? 0U : 1U;
        gaps += r.figures.gaps.size();
    }
    d.blocks.push_back(doc::Paragraph{
        "Each newly qualified social worker's Assessed and Supported Year in Employment: reviews "
        "at 3, 6 and 9 months and a final review, and supervision weekly for the first six "
        "weeks, fortnightly to six months, then monthly."});
    d.blocks.push_back(doc::Status{
        "ASYE cohort", plural(open, "in their year", "in their year"),
        plural(rows.size(), "enrolment", "enrolments") + " in all; " +
            plural(overdue, "with a review overdue", "with a review overdue") + "; " +
            plural(gaps, "supervision gap", "supervision gaps") + " against the expected cadence",
        overdue == 0 && gaps == 0 ? Tone::Good : Tone::Bad});
}

void apprenticeshipsSection(doc::Document& d, Ledger& ledger, Date asOf) {
    d.blocks.push_back(doc::Heading{"5. Apprenticeships", 1});
    const auto rows = ledger.programmes().apprenticeshipReport(asOf);
    if (rows.empty()) {
        none(d, "apprenticeships");
        return;
    }
    std::size_t active = 0;
    std::size_t behind = 0;
    std::size_t reviews = 0;
    for (const ApprenticeshipReportRow& r : rows) {
        active += r.figures.status == ApprenticeshipStatus::Active ? 1U : 0U;
        behind += r.figures.onTrack == false ? 1U : 0U;
        reviews += r.figures.reviewOverdue == true ? 1U : 0U;
    }
    d.blocks.push_back(doc::Status{"Apprentices", plural(active, "active", "active"),
                                   plural(rows.size(), "apprenticeship", "apprenticeships") +
                                       " started; " + std::to_string(behind) +
                                       " behind on off-the-job hours; " + std::to_string(reviews) +
                                       " with a progress review overdue",
                                   behind == 0 && reviews == 0 ? Tone::Good : Tone::Bad});
}

void assessorsSection(doc::Document& d, Ledger& ledger, Date asOf) {
    d.blocks.push_back(doc::Heading{"6. Trusted assessor capacity", 1});
    const auto rows = ledger.assessors().report(asOf);
    if (rows.empty()) {
        none(d, "trusted assessors");
        return;
    }
    std::size_t authorised = 0;
    std::size_t lapsing = 0;
    std::size_t training = 0;
    const Date horizon = addDays(asOf, 90);
    for (const TrustedAssessorReportRow& r : rows) {
        if (r.figures.status == AssessorStatus::Authorised) {
            ++authorised;
            lapsing += r.figures.refresherDue && *r.figures.refresherDue <= horizon ? 1U : 0U;
        }
        training += r.figures.status == AssessorStatus::InTraining ? 1U : 0U;
    }
    d.blocks.push_back(doc::Status{"May assess today",
                                   plural(authorised, "trusted assessor", "trusted assessors"),
                                   std::to_string(lapsing) + " due a refresher within 90 days; " +
                                       std::to_string(training) + " in training",
                                   authorised > 0 ? Tone::Good : Tone::Bad});
}

void cpdSection(doc::Document& d, Ledger& ledger, Date asOf) {
    d.blocks.push_back(doc::Heading{"7. Continuing professional development", 1});
    const auto swe = ledger.cpd().cpdReport(asOf, std::nullopt);
    const auto hcpc = ledger.cpd().hcpcReport(asOf);
    if (swe.empty() && hcpc.empty()) {
        none(d, "registered professionals");
        return;
    }
    const auto met = [](const auto& rows) {
        return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const auto& r) {
            return r.status == RegistrationStatus::Met;
        }));
    };
    if (!swe.empty()) {
        const std::size_t m = met(swe);
        d.blocks.push_back(doc::Status{
            "Social workers (Social Work England)",
            std::to_string(m) + " of " + std::to_string(swe.size()) + " met",
            "at least two CPD entries in the registration year, one with peer reflection",
            m == swe.size() ? Tone::Good : Tone::Bad});
    }
    if (!hcpc.empty()) {
        const std::size_t m = met(hcpc);
        d.blocks.push_back(
            doc::Status{"Occupational therapists and others (HCPC)",
                        std::to_string(m) + " of " + std::to_string(hcpc.size()) + " met",
                        "no three months without CPD, and at least two types of activity, in the "
                        "two-year cycle",
                        m == hcpc.size() ? Tone::Good : Tone::Bad});
    }
}

} // namespace

doc::Document cqcEvidencePack(Ledger& ledger, Date asOf, const Progress* progress) {
    std::string organisation = ledger.settings().get("organisation_name");
    if (organisation.empty()) {
        organisation = "The council";
    }
    doc::Document d;
    d.title = "Learning, improvement and innovation";
    d.subtitle = organisation + ": workforce learning and development, as of " + formatUk(asOf);
    d.footer = organisation + ": evidence for CQC, as of " + formatUk(asOf);
    d.author = "Practice Ledger";
    d.blocks.push_back(doc::Paragraph{
        "This pack is evidence for the CQC quality statement \"Learning, improvement and "
        "innovation\" (theme: Leadership) from the council's adult social care learning and "
        "development record. It sets out the training coverage of the workforce and its trend, "
        "the practice forums held and the themes they addressed, how learning from complaints "
        "and audits has reached staff, support for newly qualified social workers, "
        "apprenticeships, trusted-assessor capacity and professional CPD. Every figure is as "
        "recorded in the ledger on the day above."});
    const ComplianceEngine engine = ledger.training().engine(progress);
    const LedgerData records = ledger.training().records();
    const Date yearAgo = addDays(addMonths(asOf, -12), 1);
    coverageSection(d, engine, records.modules, records.staff, asOf);
    sessionsSection(d, ledger, yearAgo, asOf);
    themesSection(d, ledger, yearAgo, asOf);
    asyeSection(d, ledger, asOf);
    apprenticeshipsSection(d, ledger, asOf);
    assessorsSection(d, ledger, asOf);
    cpdSection(d, ledger, asOf);
    return d;
}

} // namespace ledger
