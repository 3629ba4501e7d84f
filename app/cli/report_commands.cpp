#include "report_commands.h"

#include "cli.h"
#include "cli_errors.h"
#include "output_file.h"

#include "export/pdf.h"
#include "export/xlsx.h"
#include "reports/coverage_reports.h"
#include "reports/report.h"
#include "reports/report_document.h"
#include "reports/session_reports.h"

#include <CLI/CLI.hpp>

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ledger::cli {

namespace {

struct Options {
    std::string asOf;
    std::string by = "team";
    std::string format = "table";
    std::string output;
    // bookings, clashes, themes: dates; trend: months
    std::string from;
    std::string to;
    std::string fromMonth;
    std::string toMonth;
    int periodMonths = 6;
    std::optional<std::string> registrationYear;
    std::optional<int> within;
    std::string team;
    std::string module;
};

/// One report, ready to write: its data, and its table for a terminal where a report has a
/// table of its own (UK dates and words chosen for a terminal), else the generic one.
struct Rendered {
    Report report;
    std::string table;
};

Rendered rendered(Report report) {
    std::string table = formatText(report.sheets.front());
    return Rendered{std::move(report), std::move(table)};
}

/// A report of one sheet, titled.
Report single(std::string name, std::string title, std::string subtitle, ReportSheet sheet) {
    Report report;
    report.name = std::move(name);
    report.title = std::move(title);
    report.subtitle = std::move(subtitle);
    report.sheets.push_back(std::move(sheet));
    return report;
}

std::string asOfLine(Date asOf) {
    return "As of " + formatUk(asOf);
}

std::string periodLine(const std::optional<Date>& from, const std::optional<Date>& to) {
    if (from && to) {
        return "Sessions from " + formatUk(*from) + " to " + formatUk(*to);
    }
    if (from) {
        return "Sessions from " + formatUk(*from);
    }
    if (to) {
        return "Sessions up to " + formatUk(*to);
    }
    return "All sessions";
}

/// `--from`/`--to`/`--as-of` as a date, or nullopt when not given.
std::optional<Date> dateOption(const std::string& value, const char* name) {
    if (value.empty()) {
        return std::nullopt;
    }
    const auto parsed = parseIsoDate(value);
    if (!parsed) {
        throw UsageError(std::string(name) + " " + value + " is not a date (YYYY-MM-DD)");
    }
    return parsed;
}

std::optional<YearMonth> monthOption(const std::string& value, const char* name) {
    if (value.empty()) {
        return std::nullopt;
    }
    const auto parsed = parseYearMonth(value);
    if (!parsed) {
        throw UsageError(std::string(name) + " " + value +
                         " is not a month (YYYY-MM, 1900-01 to 2099-12)");
    }
    return parsed;
}

using Opener = std::function<Ledger()>;

Rendered coverage(const Options& o, const Opener& open, Date today) {
    const Date asOf = dateOption(o.asOf, "--as-of").value_or(today);
    Ledger ledger = open();
    const ComplianceEngine engine = ledger.training().engine();
    if (o.by == "staff") {
        const auto rows = staffStatusReport(engine, asOf);
        return Rendered{coverageByStaffReport(rows, asOf), formatStaffStatusTable(rows)};
    }
    const auto rows = teamCoverageReport(engine, asOf);
    return Rendered{coverageByTeamReport(rows, asOf), formatTeamCoverageTable(rows)};
}

Rendered trend(const Options& o, const Opener& open, Date today) {
    const std::optional<YearMonth> from = monthOption(o.fromMonth, "--from");
    const std::optional<YearMonth> to = monthOption(o.toMonth, "--to");
    // By default the 24 months up to the last complete one before today.
    const YearMonth last = to.value_or(lastCompleteMonth(today));
    const YearMonth first = from.value_or(addMonths(last, -23));
    if (last < first) {
        throw UsageError("--from " + formatYearMonth(first) + " is after --to " +
                         formatYearMonth(last));
    }
    Ledger ledger = open();
    const ComplianceEngine engine = ledger.training().engine();
    CoverageSelection selection;
    std::string scope = "All teams";
    if (!o.team.empty()) {
        selection.team = engine.findTeam(o.team);
        if (!selection.team) {
            throw InputError("practice-ledger-cli: no team named " + o.team + " in the ledger");
        }
        scope = "Team " + o.team;
    }
    if (!o.module.empty()) {
        selection.module = engine.findModule(o.module);
        if (!selection.module) {
            throw InputError("practice-ledger-cli: no module with code " + o.module +
                             " in the ledger");
        }
        scope += ", module " + o.module;
    } else {
        scope += ", every module";
    }
    return rendered(trendReport(coverageTrend(engine, first, last, selection), scope));
}

Rendered expiring(const Options& o, const Opener& open, Date today) {
    const Date asOf = dateOption(o.asOf, "--as-of").value_or(today);
    const int within = o.within.value_or(90);
    if (within < 0 || within > kMaxExpiringWithinDays) {
        throw UsageError("--within " + std::to_string(within) +
                         " is not a number of days from "
                         "0 to " +
                         std::to_string(kMaxExpiringWithinDays));
    }
    Ledger ledger = open();
    const ComplianceEngine engine = ledger.training().engine();
    const LedgerData records = ledger.training().records();
    return rendered(
        expiringReport(expiringRows(engine, records.staff, asOf, within), asOf, within));
}

/// bookings, clashes, themes, suggestions (rules/sessions.md section 8).
Rendered sessionReport(const std::string& name, const Options& o, const Opener& open, Date today) {
    const std::optional<Date> from = dateOption(o.from, "--from");
    const std::optional<Date> to = dateOption(o.to, "--to");
    if (from && to && *to < *from) {
        throw UsageError("--from " + o.from + " is after --to " + o.to);
    }
    const std::optional<Date> asOf = dateOption(o.asOf, "--as-of");
    if (name == "themes" && (!from || !to)) {
        throw UsageError("report themes needs --from and --to");
    }
    if (o.periodMonths < 1 || o.periodMonths > 120) {
        throw UsageError("--period-months is from 1 to 120");
    }
    Ledger ledger = open();
    SessionService& sessions = ledger.sessions();
    if (name == "bookings") {
        const auto rows = sessions.bookings(from, to);
        return Rendered{
            single(name, "Bookings and attendance", periodLine(from, to), bookingsSheet(rows)),
            formatBookingsTable(rows)};
    }
    if (name == "clashes") {
        const auto rows = sessions.clashes(from, to);
        return Rendered{single(name, "Session clashes", periodLine(from, to), clashesSheet(rows)),
                        formatClashesTable(rows)};
    }
    if (name == "themes") {
        const auto rows =
            themeReportRows(ledger.themes().all(), sessions.themesWithTouches(), *from, *to);
        return Rendered{single(name, "Audit themes: reach",
                               "From " + formatUk(*from) + " to " + formatUk(*to),
                               themesSheet(rows)),
                        formatThemesTable(rows)};
    }
    const Date day = asOf.value_or(today);
    const auto rows = sessions.suggestions(day, o.periodMonths);
    return Rendered{single(name, "Practice forum topic suggestions",
                           asOfLine(day) + "; stale after " + std::to_string(o.periodMonths) +
                               " months untouched",
                           suggestionsSheet(rows)),
                    formatSuggestionsTable(rows)};
}

/// cpd, hcpc (rules/learning-record.md section 8).
Rendered cpdReport(const std::string& name, const Options& o, const Opener& open, Date today) {
    const Date asOf = dateOption(o.asOf, "--as-of").value_or(today);
    std::optional<int> year;
    if (o.registrationYear) {
        const std::string& y = *o.registrationYear;
        if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos || y < "1900") {
            throw UsageError("--registration-year " + y + " is not a year from 1900 to 9999");
        }
        year = std::stoi(y);
    }
    Ledger ledger = open();
    if (name == "cpd") {
        const auto rows = ledger.cpd().cpdReport(asOf, year);
        return Rendered{single(name, "Social Work England CPD", asOfLine(asOf), cpdSheet(rows)),
                        formatCpdTable(rows)};
    }
    const auto rows = ledger.cpd().hcpcReport(asOf);
    return Rendered{single(name, "HCPC CPD", asOfLine(asOf), hcpcSheet(rows)),
                    formatHcpcTable(rows)};
}

/// trusted-assessors, asye, apprenticeships (rules/learning-record.md section 8).
Rendered learningReport(const std::string& name, const Options& o, const Opener& open, Date today) {
    const Date asOf = dateOption(o.asOf, "--as-of").value_or(today);
    Ledger ledger = open();
    if (name == "trusted-assessors") {
        const auto rows = ledger.assessors().report(asOf);
        return Rendered{
            single(name, "Trusted assessors", asOfLine(asOf), trustedAssessorsSheet(rows)),
            formatTrustedAssessorsTable(rows)};
    }
    if (name == "asye") {
        const auto rows = ledger.programmes().asyeReport(asOf);
        return Rendered{single(name, "ASYE", asOfLine(asOf), asyeSheet(rows)),
                        formatAsyeTable(rows)};
    }
    const auto rows = ledger.programmes().apprenticeshipReport(asOf);
    return Rendered{single(name, "Apprenticeships", asOfLine(asOf), apprenticeshipsSheet(rows)),
                    formatApprenticeshipsTable(rows)};
}

} // namespace

struct ReportCommands::Impl {
    Options options;
    CLI::App* report = nullptr;
};

ReportCommands::ReportCommands(CLI::App& app) : m_impl(std::make_unique<Impl>()) {
    Options& o = m_impl->options;
    CLI::App* report = app.add_subcommand("report", "Reports");
    m_impl->report = report;
    report->require_subcommand(1);
    const auto add = [&](const char* name, const char* what) {
        CLI::App* command = report->add_subcommand(name, what);
        command
            ->add_option("--format", o.format,
                         "table, csv, xlsx or pdf (default table; xlsx and pdf need --output)")
            ->check(CLI::IsMember({"table", "csv", "xlsx", "pdf"}));
        command->add_option("--output", o.output,
                            "Write to FILE (whole or not at all; readable by its owner only) "
                            "instead of the standard output");
        return command;
    };
    const auto asOf = [&](CLI::App* command) {
        command->add_option("--as-of", o.asOf, "The date of the question (default: today)");
    };

    CLI::App* coverage = add("coverage", "Coverage by team or by staff");
    asOf(coverage);
    coverage->add_option("--by", o.by, "team or staff")->check(CLI::IsMember({"team", "staff"}));

    CLI::App* expiring = add("expiring", "Each required module a person is overdue on or "
                                         "falls due on within the window, by line manager");
    asOf(expiring);
    expiring->add_option("--within", o.within, "The window in days, 0 to 3650 (default 90)");

    CLI::App* trend = add("trend", "Coverage at each month end over a range of months");
    trend->add_option("--from", o.fromMonth,
                      "The first month, YYYY-MM (default: 23 months before --to)");
    trend->add_option("--to", o.toMonth,
                      "The last month, YYYY-MM (default: the last complete month before today)");
    trend->add_option("--team", o.team, "Only this team's people");
    trend->add_option("--module", o.module, "Only this module (by code)");

    for (const auto& [name, what] :
         {std::pair{"bookings", "Each person's booking on each session, with attendance"},
          std::pair{"clashes", "Sessions at the same time sharing a facilitator, a team, a role "
                               "or a person"},
          std::pair{"themes", "Each audit theme's reach over a period"},
          std::pair{"suggestions", "Audit themes to choose the next forum's topic from, ranked"}}) {
        CLI::App* command = add(name, what);
        if (std::string_view(name) == "suggestions") {
            asOf(command);
            command->add_option("--period-months", o.periodMonths,
                                "The period that makes a theme stale, 1 to 120 (default 6)");
        } else {
            command->add_option("--from", o.from, "Sessions dated from DATE (YYYY-MM-DD)");
            command->add_option("--to", o.to, "Sessions dated up to DATE (YYYY-MM-DD)");
        }
    }
    for (const auto& [name, what] :
         {std::pair{"cpd", "Social Work England's CPD check of each registered social worker"},
          std::pair{"hcpc", "HCPC's CPD check of each registered professional"}}) {
        CLI::App* command = add(name, what);
        asOf(command);
        if (std::string_view(name) == "cpd") {
            command->add_option("--registration-year", o.registrationYear,
                                "The registration year ending on 30 November of YEAR "
                                "(default: the one containing --as-of)");
        }
    }
    for (const auto& [name, what] :
         {std::pair{"trusted-assessors",
                    "Each trusted-assessor authorisation of the staff active on the day"},
          std::pair{"asye", "Each ASYE enrolment of the staff active on the day: reviews, "
                            "supervision gaps, outcome"},
          std::pair{"apprenticeships", "Each apprenticeship started by the day: status, "
                                       "off-the-job hours, reviews, end-point assessment"}}) {
        asOf(add(name, what));
    }
}

ReportCommands::~ReportCommands() = default;

bool ReportCommands::parsed() const {
    return m_impl->report->parsed();
}

int ReportCommands::run(const std::function<Ledger()>& open, Date today, std::ostream& out) {
    const Options& o = m_impl->options;
    std::string name;
    for (const CLI::App* command : m_impl->report->get_subcommands()) {
        name = command->get_name();
    }
    const bool binary = o.format == "xlsx" || o.format == "pdf";
    if (binary && o.output.empty()) {
        throw UsageError("--format " + o.format + " needs --output FILE");
    }
    Rendered result;
    if (name == "coverage") {
        result = coverage(o, open, today);
    } else if (name == "trend") {
        result = trend(o, open, today);
    } else if (name == "expiring") {
        result = expiring(o, open, today);
    } else if (name == "bookings" || name == "clashes" || name == "themes" ||
               name == "suggestions") {
        result = sessionReport(name, o, open, today);
    } else if (name == "cpd" || name == "hcpc") {
        result = cpdReport(name, o, open, today);
    } else {
        result = learningReport(name, o, open, today);
    }
    if (o.format == "xlsx") {
        writeXlsx(result.report, o.output);
        return kOk;
    }
    if (o.format == "pdf") {
        const std::string bytes =
            renderPdf(reportDocument(result.report, "Practice Ledger: " + result.report.title +
                                                        ", " + result.report.subtitle));
        writeWholeFile(o.output, [&](std::ostream& file) { file << bytes; });
        return kOk;
    }
    const std::string text =
        o.format == "csv" ? formatCsv(result.report.sheets.front()) : result.table;
    if (o.output.empty()) {
        out << text;
    } else {
        writeWholeFile(o.output, [&](std::ostream& file) { file << text; });
    }
    return kOk;
}

} // namespace ledger::cli
