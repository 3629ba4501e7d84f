#include "report_commands.h"

#include "cli.h"
#include "cli_errors.h"
#include "output_file.h"

#include "export/pdf.h"
#include "export/xlsx.h"
#include "reports/coverage_reports.h"
#include "reports/cqc_pack.h"
#include "reports/report.h"
#include "reports/report_catalog.h"
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

/// The options as core's request, every text parsed (UsageError where one cannot be).
ReportRequest requestOf(const std::string& name, const Options& o) {
    ReportRequest r;
    r.name = name;
    r.asOf = dateOption(o.asOf, "--as-of");
    r.byStaff = o.by == "staff";
    if (name == "trend") {
        r.fromMonth = monthOption(o.fromMonth, "--from");
        r.toMonth = monthOption(o.toMonth, "--to");
    } else {
        r.from = dateOption(o.from, "--from");
        r.to = dateOption(o.to, "--to");
    }
    r.team = o.team;
    r.module = o.module;
    r.withinDays = o.within.value_or(90);
    r.periodMonths = o.periodMonths;
    if (o.registrationYear) {
        const std::string& y = *o.registrationYear;
        if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos || y < "1900") {
            throw UsageError("--registration-year " + y + " is not a year from 1900 to 9999");
        }
        r.registrationYear = std::stoi(y);
    }
    return r;
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
    CLI::App* pack = report->add_subcommand(
        "cqc-pack", "The CQC evidence pack for \"Learning, improvement and innovation\" as a PDF");
    pack->add_option("--as-of", o.asOf, "The day the pack is as of (default: today)");
    pack->add_option("--format", o.format, "pdf (the only format the pack has)")
        ->check(CLI::IsMember({"pdf"}));
    pack->add_option("--output", o.output,
                     "Write to FILE (whole or not at all; readable by its "
                     "owner only)")
        ->required();

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
    if (name == "cqc-pack") {
        const Date asOf = dateOption(o.asOf, "--as-of").value_or(today);
        Ledger ledger = open();
        const std::string bytes = renderPdf(cqcEvidencePack(ledger, asOf));
        writeWholeFile(o.output, [&](std::ostream& file) { file << bytes; });
        return kOk;
    }
    const bool binary = o.format == "xlsx" || o.format == "pdf";
    if (binary && o.output.empty()) {
        throw UsageError("--format " + o.format + " needs --output FILE");
    }
    const ReportRequest request = requestOf(name, o);
    ReportResult result;
    try {
        Ledger ledger = open();
        result = runReport(ledger, request, today);
    } catch (const ReportRequestError& e) {
        throw UsageError(e.what());
    } catch (const ReportUnknownName& e) {
        throw InputError(std::string("practice-ledger-cli: ") + e.what());
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
