#pragma once

// Every report the product makes, by name, from one request: the CLI's `report NAME` and the
// app's Reports page both ask here, so a report is worked out and worded once (issue 12).

#include "base/date.h"
#include "reports/coverage_reports.h"
#include "reports/report_table.h"

#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ledger {

class Ledger;

/// What a report takes. Each report reads only the fields it names in the catalog; a field
/// left empty takes its default (today, the last 24 complete months, 90 days, ...).
struct ReportRequest {
    std::string name;
    std::optional<Date> asOf;
    bool byStaff = false;                ///< coverage: by person rather than by team
    std::optional<Date> from;            ///< bookings, clashes, themes
    std::optional<Date> to;              ///< bookings, clashes, themes
    std::optional<YearMonth> fromMonth;  ///< trend
    std::optional<YearMonth> toMonth;    ///< trend
    std::string team;                    ///< trend: empty for every team
    std::string module;                  ///< trend: empty for every module
    int withinDays = 90;                 ///< expiring
    int periodMonths = 6;                ///< suggestions
    std::optional<int> registrationYear; ///< cpd
};

/// What a report is and which request fields it reads.
struct ReportInfo {
    std::string_view name;
    std::string_view title;
    std::string_view description;
    bool asOf = false;
    bool dateRange = false;  ///< from and to dates
    bool monthRange = false; ///< from and to months, team and module
    bool within = false;
    bool byStaff = false;
    bool periodMonths = false;
    bool registrationYear = false;
};

/// Every report, in the order people look for them.
[[nodiscard]] std::span<const ReportInfo> reportCatalog();
[[nodiscard]] const ReportInfo* findReport(std::string_view name);

/// A request that cannot be run: a range the wrong way round, a number out of range, a
/// report that needs a field it was not given, an unknown report name.
class ReportRequestError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A team or module the request names that the ledger does not hold.
class ReportUnknownName : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A report worked out: its data, and the text table for a terminal (the report's own where
/// it has one, else the sheet's generic table).
struct ReportResult {
    Report report;
    std::string table;
};

/// Runs `request` on `ledger` (read only). `today` is what "today" means for defaults.
/// Throws ReportRequestError or ReportUnknownName before reading anything they concern.
[[nodiscard]] ReportResult runReport(Ledger& ledger, const ReportRequest& request, Date today,
                                     const Progress* progress = nullptr);

} // namespace ledger
