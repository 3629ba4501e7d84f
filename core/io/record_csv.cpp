#include "io/record_csv.h"

#include "io/csv.h"
#include "training/training_service.h"

#include <ostream>
#include <stdexcept>
#include <vector>

namespace ledger {

namespace {

/// A kind's import columns as fields of its spec, in the header's order.
template <typename Record> class CsvColumns {
public:
    CsvColumns(const RecordSpec<Record>& spec, ImportKind kind) {
        const ImportColumns& columns = importColumns(kind);
        for (const auto* names : {&columns.required, &columns.optional}) {
            for (const std::string& name : *names) {
                m_fields.push_back(&spec.at(name));
            }
        }
    }

    [[nodiscard]] std::string line(const Record& record) const {
        std::vector<std::string> cells;
        cells.reserve(m_fields.size());
        for (const FieldSpec<Record>* f : m_fields) {
            std::string text = f->format(record);
            cells.push_back(isTextCell(f->type) ? spreadsheetSafe(text) : std::move(text));
        }
        return csvLine(cells);
    }

private:
    std::vector<const FieldSpec<Record>*> m_fields;
};

const CsvColumns<Staff>& staffColumns() {
    static const CsvColumns<Staff> kColumns(staffSpec(), ImportKind::Staff);
    return kColumns;
}
const CsvColumns<Module>& moduleColumns() {
    static const CsvColumns<Module> kColumns(moduleSpec(), ImportKind::Modules);
    return kColumns;
}
const CsvColumns<Requirement>& requirementColumns() {
    static const CsvColumns<Requirement> kColumns(requirementSpec(), ImportKind::Requirements);
    return kColumns;
}
const CsvColumns<Completion>& completionColumns() {
    static const CsvColumns<Completion> kColumns(completionSpec(), ImportKind::Completions);
    return kColumns;
}

} // namespace

std::string recordCsvHeader(ImportKind kind) {
    const ImportColumns& columns = importColumns(kind);
    std::vector<std::string> names = columns.required;
    names.insert(names.end(), columns.optional.begin(), columns.optional.end());
    return csvLine(names);
}

std::string recordCsvLine(const Staff& staff) {
    return staffColumns().line(staff);
}
std::string recordCsvLine(const Module& module) {
    return moduleColumns().line(module);
}
std::string recordCsvLine(const Requirement& requirement) {
    return requirementColumns().line(requirement);
}
std::string recordCsvLine(const Completion& completion) {
    return completionColumns().line(completion);
}

void writeRecordCsv(ImportKind kind, TrainingService& training, std::ostream& out) {
    out << recordCsvHeader(kind);
    if (kind == ImportKind::Completions) {
        training.forEachCountedCompletion([&](const Completion& c) { out << recordCsvLine(c); });
        return;
    }
    const LedgerData records = training.records(); // staff, modules and rules, in order
    switch (kind) {
    case ImportKind::Staff:
        for (const Staff& s : records.staff) {
            out << recordCsvLine(s);
        }
        break;
    case ImportKind::Modules:
        for (const Module& m : records.modules) {
            out << recordCsvLine(m);
        }
        break;
    case ImportKind::Requirements:
        for (const Requirement& r : records.requirements) {
            out << recordCsvLine(r);
        }
        break;
    case ImportKind::Completions:
        break;
    case ImportKind::Themes:
    case ImportKind::Sessions:
    case ImportKind::BookingActions:
    case ImportKind::Cpd:
    case ImportKind::TrustedAssessors:
    case ImportKind::Asye:
    case ImportKind::Supervisions:
    case ImportKind::Apprenticeships:
    case ImportKind::OtjHours:
    case ImportKind::ApprenticeshipReviews:
        throw std::logic_error("not a foundation record kind");
    }
}

} // namespace ledger
