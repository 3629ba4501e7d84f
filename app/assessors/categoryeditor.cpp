#include "assessors/categoryeditor.h"

#include "common/convert.h"

#include "assessors/assessor_service.h"
#include "ledger.h"

using convert::text;

CategoryEditor::CategoryEditor(QObject* parent)
    : RecordForm(parent), m_code(makeField(QStringLiteral("code"), tr("Code"))),
      m_label(makeField(QStringLiteral("label"), tr("Label"))) {
}

bool CategoryEditor::read(const QString& key) {
    (void)key;
    return false; // a category is only ever added
}

QString CategoryEditor::nameOfRecord() const {
    return textOf(QStringLiteral("label"));
}

RecordForm::Work CategoryEditor::prepare() {
    const ledger::EquipmentCategory category{text(textOf(QStringLiteral("code"))),
                                             text(textOf(QStringLiteral("label")))};
    ledger::Ledger* l = m_session->ledger();
    if (!l) {
        // A long task (re-reading the ledger, an import) holds it: nothing is saved.
        setMessage(tr("The ledger is busy. Try again when it has finished."));
        return {};
    }
    for (const ledger::EquipmentCategory& c : l->assessors().categories()) {
        if (c.code == category.code) {
            m_code->addError(tr("The list already has %1 (%2).").arg(text(c.code), text(c.label)));
            return {};
        }
    }
    const std::string actor = m_session->actorName();
    // Core checks the code's form and the label, each at its field.
    return [category, actor](ledger::Ledger& open) {
        open.assessors().addCategory(category, actor);
    };
}
