#pragma once

// `practice-ledger-cli report NAME`: every report of the product, each computed once in
// core/reports as data and written as a table for a terminal, CSV, an XLSX workbook or a PDF
// (issue 12, item 4).

#include "base/date.h"
#include "ledger.h"

#include <functional>
#include <iosfwd>
#include <memory>

namespace CLI {
class App;
}

namespace ledger::cli {

class ReportCommands {
public:
    /// Adds `report` and its subcommands to `app`.
    explicit ReportCommands(CLI::App& app);
    ~ReportCommands();
    ReportCommands(const ReportCommands&) = delete;
    ReportCommands& operator=(const ReportCommands&) = delete;

    /// Whether a report was asked for.
    [[nodiscard]] bool parsed() const;
    /// Runs the report asked for: `open` opens the ledger read-only (called only once the
    /// arguments are found good), `today` is the day a report is as of by default. Throws
    /// UsageError (exit 1) for bad arguments and InputError (exit 2) for an unknown team or
    /// module.
    int run(const std::function<Ledger()>& open, Date today, std::ostream& out);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ledger::cli
