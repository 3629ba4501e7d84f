#include "catalog/moduleeditor.h"

#include "base/validation.h"
#include "ledger.h"

ModuleEditor::ModuleEditor(QObject* parent)
    : RecordForm(parent), m_fields(*this, ledger::moduleSpec()) {
}

void ModuleEditor::clear() {
    m_fields.show(ledger::Module{});
}

bool ModuleEditor::read(const QString& key) {
    const std::string code = convert::text(key);
    for (const ledger::Module& m : m_session->data()->modules) {
        if (m.code == code) {
            m_fields.show(m);
            m_version = m.version;
            return true;
        }
    }
    return false;
}

QString ModuleEditor::nameOfRecord() const {
    return textOf(QStringLiteral("code"));
}

RecordForm::Work ModuleEditor::prepare() {
    ledger::Module m;
    m_fields.read(m);
    if (!isNew()) {
        m.code = convert::text(key()); // the key cannot change
        m.version = m_version;
    }
    m_fields.check(ledger::validateModule(m));
    const std::string actor = m_session->actorName();
    const bool adding = isNew();
    return [m, adding, actor](ledger::Ledger& l) {
        l.training().saveModule(m, adding, actor);
    };
}

RecordForm::Work ModuleEditor::removal() {
    const std::string code = convert::text(key());
    const std::string actor = m_session->actorName();
    return [code, actor](ledger::Ledger& l) {
        l.training().removeModule(code, actor);
    };
}
