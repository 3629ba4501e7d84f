#include "staff/completioneditor.h"

#include "base/validation.h"
#include "ledger.h"

#include <algorithm>

CompletionEditor::CompletionEditor(QObject* parent)
    : RecordForm(parent), m_fields(*this, ledger::completionSpec()),
      m_reason(makeField(QStringLiteral("reason"), tr("Reason"))) {
    connect(m_fields.at("employee_id"), &EditorField::textChanged, this,
            &CompletionEditor::personNameChanged);
}

void CompletionEditor::clear() {
    m_fields.show(ledger::Completion{});
    m_fields.at("completed_on")->setText(m_session ? m_session->todayText() : QString());
    m_voided = false;
    m_voidReason.clear();
}

bool CompletionEditor::read(const QString& key) {
    bool isNumber = false;
    const qint64 id = key.toLongLong(&isNumber);
    const auto c = isNumber ? m_session->ledger()->training().completion(id) : std::nullopt;
    if (!c) {
        return false;
    }
    m_fields.show(*c);
    m_version = c->version;
    m_reason->setText({});
    m_voided = c->voided;
    m_voidReason = convert::text(c->voidReason);
    return true;
}

QString CompletionEditor::personName() const {
    return m_session ? m_session->staffName(textOf(QStringLiteral("employee_id"))) : QString();
}

QString CompletionEditor::nameOfRecord() const {
    return textOf(QStringLiteral("module"));
}

RecordForm::Work CompletionEditor::prepare() {
    ledger::Completion c;
    m_fields.read(c);
    const ledger::Date today = m_session->todayDate();
    const ledger::ValidationContext context =
        ledger::makeValidationContext(*m_session->data(), today);
    m_fields.check(ledger::validateCompletion(c, context));
    const std::string reason = convert::text(textOf(QStringLiteral("reason")));
    if (!isNew() && reason.empty()) {
        m_reason->addError(tr("Say why this evidence is being corrected."));
    }
    c.id = isNew() ? 0 : key().toLongLong();
    c.version = isNew() ? ledger::RecordVersion{} : m_version;
    const std::string actor = m_session->actorName();
    const bool adding = isNew();
    return [c, adding, reason, today, actor](ledger::Ledger& l) {
        if (adding) {
            l.training().addCompletion(c, today, actor);
        } else {
            l.training().correctCompletion(c, reason, today, actor);
        }
    };
}

bool CompletionEditor::voidCompletion() {
    clearErrors();
    if (!m_session || isNew()) {
        setMessage(tr("Only a recorded completion can be voided."));
        return false;
    }
    const std::string reason = convert::text(textOf(QStringLiteral("reason")));
    if (reason.empty()) {
        m_reason->addError(tr("Say why this evidence is being voided."));
        setMessage(tr("Please correct the fields marked below."));
        return false;
    }
    const qint64 id = key().toLongLong();
    const std::string actor = m_session->actorName();
    const ledger::RecordVersion version = m_version;
    return run([id, reason, actor, version](ledger::Ledger& l) {
        l.training().voidCompletion(id, reason, actor, version);
    });
}
