#include "cpd/cpdeditor.h"

#include "base/validation.h"
#include "ledger.h"

#include <unordered_set>

using convert::text;

CpdEditor::CpdEditor(QObject* parent) : RecordForm(parent), m_fields(*this, ledger::cpdSpec()) {
    connect(m_fields.at("employee_id"), &EditorField::textChanged, this,
            &CpdEditor::personNameChanged);
}

void CpdEditor::clear() {
    m_fields.show(ledger::CpdEntry{});
    m_fields.at("date")->setText(m_session ? m_session->todayText() : QString());
    m_fields.at("hours")->setText({});
    m_fields.at("type")->setText({});
    m_source.reset();
}

void CpdEditor::applyPreset(const QVariantMap& preset) {
    const QString session = preset.value(QStringLiteral("source_session")).toString();
    if (!session.isEmpty()) {
        m_source = ledger::CpdSessionSource{text(session)};
    }
}

bool CpdEditor::read(const QString& key) {
    bool isNumber = false;
    const qint64 id = key.toLongLong(&isNumber);
    const auto e = isNumber ? m_session->ledger()->cpd().find(id) : std::nullopt;
    if (!e) {
        return false;
    }
    m_fields.show(*e);
    m_source = e->source;
    m_version = e->version;
    return true;
}

QString CpdEditor::personName() const {
    return m_session ? m_session->staffName(textOf(QStringLiteral("employee_id"))) : QString();
}

QString CpdEditor::sourceText() const {
    if (!m_source) {
        return {};
    }
    if (const auto* s = std::get_if<ledger::CpdSessionSource>(&*m_source)) {
        return tr("Made from session %1").arg(text(s->sessionKey));
    }
    return tr("Made from a completion");
}

QVariantList CpdEditor::themeChoices() const {
    QVariantList out;
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    if (!l) {
        return out;
    }
    for (const ledger::AuditTheme& t : l->themes().all()) {
        out << QVariantMap{
            {QStringLiteral("value"), text(t.key)},
            {QStringLiteral("label"), tr("%1 – %2").arg(text(t.key), text(t.title))}};
    }
    return out;
}

bool CpdEditor::listHas(const QString& field, const QString& item) const {
    const EditorField* f = this->field(field);
    return f && ledger::splitCpdList(text(f->text())).count(text(item)) > 0;
}

void CpdEditor::toggleInList(const QString& field, const QString& item) {
    EditorField* f = this->field(field);
    if (!f) {
        return;
    }
    std::set<std::string> items = ledger::splitCpdList(text(f->text().trimmed()));
    const std::string wanted = text(item);
    if (!items.erase(wanted)) {
        items.insert(wanted);
    }
    f->setText(text(ledger::joinCpdList(items)));
}

QString CpdEditor::nameOfRecord() const {
    return textOf(QStringLiteral("title"));
}

RecordForm::Work CpdEditor::prepare() {
    ledger::CpdEntry e;
    m_fields.read(e);
    const ledger::Date today = m_session->todayDate();
    const ledger::ValidationContext base = ledger::makeValidationContext(*m_session->data(), today);
    std::unordered_set<std::string> themes;
    if (ledger::Ledger* l = m_session->ledger()) {
        for (const ledger::AuditTheme& t : l->themes().all()) {
            themes.insert(t.key);
        }
    }
    const ledger::CpdContext context{base, [&](std::string_view key) {
                                         return themes.count(std::string(key)) > 0;
                                     }};
    m_fields.check(ledger::validateCpdEntry(e, context));
    e.id = isNew() ? 0 : key().toLongLong();
    e.version = isNew() ? ledger::RecordVersion{} : m_version;
    e.source = m_source;
    const std::string actor = m_session->actorName();
    return [e, today, actor](ledger::Ledger& l) {
        l.cpd().save(e, today, actor);
    };
}

RecordForm::Work CpdEditor::removal() {
    const qint64 id = key().toLongLong();
    const std::string actor = m_session->actorName();
    return [id, actor](ledger::Ledger& l) {
        l.cpd().remove(id, actor);
    };
}
