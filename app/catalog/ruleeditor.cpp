#include "catalog/ruleeditor.h"

#include "base/validation.h"
#include "ledger.h"

RuleEditor::RuleEditor(QObject* parent)
    : RecordForm(parent), m_fields(*this, ledger::requirementSpec()) {
}

void RuleEditor::clear() {
    ledger::Requirement r;
    r.dueWithinDays = 30;
    m_fields.show(r);
}

std::optional<ledger::Requirement> RuleEditor::stored(const QString& key) const {
    const QStringList parts = key.split(convert::kRuleKeySeparator);
    if (parts.size() != 3 || !m_session || !m_session->data()) {
        return std::nullopt;
    }
    for (const ledger::Requirement& r : m_session->data()->requirements) {
        if (convert::text(r.moduleCode) == parts[0] &&
            convert::text(ledger::scopeCode(r.scope)) == parts[1] &&
            convert::text(r.value) == parts[2]) {
            return r;
        }
    }
    return std::nullopt;
}

bool RuleEditor::read(const QString& key) {
    const auto r = stored(key);
    if (r) {
        m_fields.show(*r);
        m_version = r->version;
    }
    return r.has_value();
}

QString RuleEditor::nameOfRecord() const {
    return textOf(QStringLiteral("module"));
}

RecordForm::Work RuleEditor::prepare() {
    ledger::Requirement r;
    m_fields.read(r);
    if (!isNew()) {
        // Another module, scope or value would be another rule: the stored key is kept.
        const QStringList parts = key().split(convert::kRuleKeySeparator);
        r.moduleCode = convert::text(parts.value(0));
        r.scope = ledger::parseScope(convert::text(parts.value(1))).value_or(ledger::Scope::All);
        r.value = convert::text(parts.value(2));
        r.version = m_version;
    }
    if (r.scope == ledger::Scope::All) {
        r.value.clear(); // a rule for everyone names no team or role
    }
    const ledger::ValidationContext context =
        ledger::makeValidationContext(*m_session->data(), m_session->todayDate());
    m_fields.check(ledger::validateRequirement(r, context));
    const std::string actor = m_session->actorName();
    return [r, actor](ledger::Ledger& l) {
        l.training().saveRequirement(r, actor);
    };
}

RecordForm::Work RuleEditor::removal() {
    const auto rule = stored(key());
    const std::string actor = m_session->actorName();
    if (!rule) {
        return {};
    }
    return [r = *rule, actor](ledger::Ledger& l) {
        l.training().removeRequirement(r, actor);
    };
}
