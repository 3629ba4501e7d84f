#include "themes/themeeditor.h"

#include "base/validation.h"
#include "ledger.h"

ThemeEditor::ThemeEditor(QObject* parent)
    : RecordForm(parent), m_fields(*this, ledger::auditThemeSpec()) {
}

void ThemeEditor::clear() {
    ledger::AuditTheme theme;
    theme.raisedOn = m_session ? m_session->todayDate() : ledger::Date{};
    m_fields.show(theme);
}

bool ThemeEditor::read(const QString& key) {
    for (const ledger::AuditTheme& t : m_session->ledger()->themes().all()) {
        if (QString::number(t.id) == key) {
            m_fields.show(t);
            m_version = t.version;
            return true;
        }
    }
    return false;
}

QString ThemeEditor::nameOfRecord() const {
    return textOf(QStringLiteral("title"));
}

RecordForm::Work ThemeEditor::prepare() {
    ledger::AuditTheme t;
    m_fields.read(t);
    t.id = isNew() ? 0 : key().toLongLong();
    t.version = isNew() ? ledger::RecordVersion{} : m_version;
    const ledger::Date today = m_session->todayDate();
    const ledger::ValidationContext context =
        ledger::makeValidationContext(*m_session->data(), today);
    m_fields.check(ledger::validateAuditTheme(t, context));
    const std::string actor = m_session->actorName();
    return [t, today, actor](ledger::Ledger& l) {
        l.themes().save(t, today, actor);
    };
}

RecordForm::Work ThemeEditor::removal() {
    const qint64 id = key().toLongLong();
    const std::string actor = m_session->actorName();
    return [id, actor](ledger::Ledger& l) {
        l.themes().remove(id, actor);
    };
}
