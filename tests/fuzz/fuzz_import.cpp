// Each import kind on arbitrary bytes, against a small ledger: never a crash, every error has
// a line inside the file and a column (one problem per field), and an import without errors
// holds only valid records: text, dates from 1900 to 2099, no line-manager loop.
#include "base/validation.h"
#include "io/importer.h"

#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace {

ledger::LedgerData smallLedger() {
    ledger::LedgerData data;
    ledger::Staff s;
    s.employeeId = "E1";
    s.fullName = "Pat";
    s.team = "East";
    s.role = "Worker";
    s.startDate = ledger::makeDate(2020, 1, 1);
    data.staff.push_back(s);
    ledger::Module m;
    m.code = "FIRE";
    m.title = "Fire safety";
    m.renewalMonths = 12;
    data.modules.push_back(m);
    return data;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ledger::LedgerData existing = smallLedger();
    if (size == 0) {
        return 0;
    }
    const auto kind = static_cast<ledger::ImportKind>(data[0] % 4);
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto today = ledger::makeDate(2026, 11, 25);
    const ledger::ParsedImport parsed = ledger::parseImport(kind, "f.csv", text, existing, today);
    int lines = 1;
    for (const char c : text) {
        lines += c == '\n' || c == '\r' ? 1 : 0;
    }
    std::set<std::pair<int, std::string>> places;
    for (const ledger::FieldError& e : parsed.errors) {
        if (e.line < 1 || e.line > lines || e.file != "f.csv") {
            std::abort();
        }
        if (e.field.empty() ? e.message != "the file has no header line"
                            : !places.emplace(e.line, e.field).second) {
            std::abort();
        }
    }
    if (parsed.errors.empty()) {
        auto context = ledger::makeValidationContext(existing, today);
        for (const ledger::Staff& s : parsed.staff) {
            context.employeeIds.insert(s.employeeId);
            context.people.insert_or_assign(s.employeeId,
                                            ledger::StaffLink{s.lineManagerId, s.fullName});
        }
        for (const ledger::Staff& s : parsed.staff) {
            if (!ledger::validateStaff(s, context).empty()) {
                std::abort();
            }
        }
        for (const ledger::Module& m : parsed.modules) {
            if (!ledger::validateModule(m).empty()) {
                std::abort();
            }
        }
        for (const ledger::Completion& c : parsed.completions) {
            if (!ledger::validateCompletion(c, context).empty()) {
                std::abort();
            }
        }
        for (const ledger::Requirement& r : parsed.requirements) {
            if (!ledger::validateRequirement(r, context).empty()) {
                std::abort();
            }
        }
    }
    return 0;
}
