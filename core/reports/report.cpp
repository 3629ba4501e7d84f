#include "reports/report.h"

#include "io/csv.h"
#include "reports/coverage_reports.h"

#include <algorithm>

namespace ledger {

namespace {

std::string uk(const std::optional<Date>& date) {
    return date ? formatUk(*date) : "";
}

std::optional<Date> dayOrNone(DayNumber day) {
    return day == kNoDay ? std::nullopt : std::optional<Date>(fromDayNumber(day));
}

std::size_t displayWidth(std::string_view text) {
    std::size_t width = 0;
    for (const char c : text) {
        width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return width;
}

} // namespace

std::string formatTable(const std::vector<std::string>& header,
                        std::vector<std::vector<std::string>> rows,
                        const std::vector<bool>& rightAligned) {
    for (auto& row : rows) {
        for (std::string& cell : row) {
            cell = escapeControls(cell);
        }
    }
    std::vector<std::size_t> widths(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) {
        widths[c] = displayWidth(header[c]);
    }
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            widths[c] = std::max(widths[c], displayWidth(row[c]));
        }
    }
    std::string out;
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::string pad(widths[c] - displayWidth(cells[c]), ' ');
            text += (c ? "  " : "") + (rightAligned[c] ? pad + cells[c] : cells[c] + pad);
        }
        while (!text.empty() && text.back() == ' ') {
            text.pop_back();
        }
        out += text + "\n";
    };
    line(header);
    std::vector<std::string> rule;
    for (const std::size_t w : widths) {
        rule.emplace_back(w, '-');
    }
    line(rule);
    for (const auto& row : rows) {
        line(row);
    }
    return out;
}

std::string escapeControls(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x20 || byte == 0x7F) { // C0 and DEL
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        } else if (byte == 0xC2 && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) { // C1, U+0080..U+009F
            const auto low = static_cast<unsigned char>(text[++i]);
            out += "\\u00";
            out += kHex[low >> 4];
            out += kHex[low & 0xF];
        } else {
            out += static_cast<char>(byte);
        }
    }
    return out;
}

std::string statusLabel(Status status) {
    switch (status) {
    case Status::Compliant:
        return "Compliant";
    case Status::DueSoon:
        return "Due soon";
    case Status::Overdue:
        return "Overdue";
    case Status::NotYetDue:
        return "Not yet due";
    }
    return {};
}

std::vector<TeamCoverageRow> teamCoverageReport(const ComplianceEngine& engine, Date asOf) {
    const CoverageTable coverage = engine.coverageByTeam(toDayNumber(asOf));
    std::vector<TeamCoverageRow> rows;
    for (std::size_t t = 0; t < coverage.teamCount(); ++t) {
        for (std::size_t m = 0; m < coverage.moduleCount(); ++m) {
            const CoverageCell& cell = coverage.cell(t, m);
            if (cell.required > 0) {
                rows.push_back(TeamCoverageRow{engine.teamName(t), engine.moduleCode(m), cell});
            }
        }
    }
    std::sort(rows.begin(), rows.end(), [](const TeamCoverageRow& a, const TeamCoverageRow& b) {
        return a.team != b.team ? a.team < b.team : a.module < b.module;
    });
    return rows;
}

std::vector<StaffStatusRow> staffStatusReport(const ComplianceEngine& engine, Date asOf) {
    std::vector<StaffStatusRow> rows;
    for (const StatusRow& s : engine.statuses(toDayNumber(asOf))) {
        rows.push_back(StaffStatusRow{engine.employeeId(s.staff),
                                      engine.teamName(engine.teamOf(s.staff)),
                                      engine.moduleCode(s.module), s.status.status,
                                      dayOrNone(s.status.expiresOn), dayOrNone(s.status.dueOn)});
    }
    std::sort(rows.begin(), rows.end(), [](const StaffStatusRow& a, const StaffStatusRow& b) {
        return a.employeeId != b.employeeId ? a.employeeId < b.employeeId : a.module < b.module;
    });
    return rows;
}

std::string formatTeamCoverageCsv(const std::vector<TeamCoverageRow>& rows) {
    return formatCsv(coverageByTeamSheet(rows));
}

std::string formatStaffStatusCsv(const std::vector<StaffStatusRow>& rows) {
    return formatCsv(coverageByStaffSheet(rows));
}

std::string formatTeamCoverageTable(const std::vector<TeamCoverageRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    for (const TeamCoverageRow& r : rows) {
        const std::string percent = formatPercent(r.cell.percentTenths());
        cells.push_back({r.team, r.module, std::to_string(r.cell.required),
                         std::to_string(r.cell.compliant), std::to_string(r.cell.dueSoon),
                         std::to_string(r.cell.overdue), std::to_string(r.cell.notYetDue),
                         percent.empty() ? "n/a" : percent + "%"});
    }
    return formatTable({"Team", "Module", "Required", "Compliant", "Due soon", "Overdue",
                        "Not yet due", "Coverage"},
                       cells, {false, false, true, true, true, true, true, true});
}

std::string formatStaffStatusTable(const std::vector<StaffStatusRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    for (const StaffStatusRow& r : rows) {
        cells.push_back(
            {r.employeeId, r.team, r.module, statusLabel(r.status), uk(r.expiresOn), uk(r.dueOn)});
    }
    return formatTable({"Employee", "Team", "Module", "Status", "Expires", "Due"}, cells,
                       {false, false, false, false, false, false});
}

} // namespace ledger
