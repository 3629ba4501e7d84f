#include "staff/staffeditor.h"

#include "base/validation.h"
#include "ledger.h"

StaffEditor::StaffEditor(QObject* parent)
    : RecordForm(parent), m_fields(*this, ledger::staffSpec()) {
}

void StaffEditor::clear() {
    ledger::Staff s;
    m_fields.show(s);
    m_fields.at("start_date")->setText(m_session ? m_session->todayText() : QString());
}

bool StaffEditor::read(const QString& key) {
    const auto s = m_session->ledger()->staff().find(convert::text(key));
    if (s) {
        m_fields.show(*s);
        m_version = s->version;
    }
    return s.has_value();
}

QString StaffEditor::nameOfRecord() const {
    return textOf(QStringLiteral("full_name"));
}

RecordForm::Work StaffEditor::prepare() {
    ledger::Staff s;
    m_fields.read(s);
    if (!isNew()) {
        s.employeeId = convert::text(key()); // the key cannot change
        s.version = m_version;
    }
    const ledger::Date today = m_session->todayDate();
    const ledger::ValidationContext context =
        ledger::makeValidationContext(*m_session->data(), today);
    m_fields.check(ledger::validateStaff(s, context));
    const std::string actor = m_session->actorName();
    const bool adding = isNew();
    return [s, adding, today, actor](ledger::Ledger& l) {
        adding ? l.staff().add(s, today, actor) : l.staff().update(s, today, actor);
    };
}
