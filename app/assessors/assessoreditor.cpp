#include "assessors/assessoreditor.h"

#include "assessors/assessor_service.h"
#include "base/validation.h"
#include "ledger.h"

#include <algorithm>
#include <map>
#include <set>

using convert::text;

namespace {

bool activeOn(const ledger::Staff& s, const ledger::Date& day) {
    return s.startDate <= day && (!s.leaveDate || day <= *s.leaveDate);
}

std::set<std::string> splitList(const QString& cell) {
    std::set<std::string> items;
    for (const QString& item : cell.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty()) {
            items.insert(text(item.trimmed()));
        }
    }
    return items;
}

/// The roles that may sign assessors off, asked of core role by role.
std::set<std::string> signingRoles(ledger::Ledger& l) {
    std::set<std::string> out;
    for (const std::string& role : l.staff().roles()) {
        if (l.assessors().roleCanSignOff(role).value_or(false)) {
            out.insert(role);
        }
    }
    return out;
}

} // namespace

AssessorEditor::AssessorEditor(QObject* parent)
    : RecordForm(parent), m_fields(*this, ledger::trustedAssessorSpec()) {
    connect(m_fields.at("employee_id"), &EditorField::textChanged, this,
            &AssessorEditor::personChanged);
    connect(this, &RecordForm::loaded, this, &AssessorEditor::personChanged);
}

void AssessorEditor::clear() {
    m_fields.show(ledger::TrustedAssessor{});
    m_fields.at("trained_on")->setText(m_session ? m_session->todayText() : QString());
    m_id = 0;
}

bool AssessorEditor::read(const QString& key) {
    const qsizetype slash = key.lastIndexOf(QLatin1Char('/'));
    const auto level =
        slash > 0 ? ledger::parseAssessorLevel(text(key.mid(slash + 1))) : std::nullopt;
    if (!level) {
        return false;
    }
    const auto found = m_session->ledger()->assessors().find(text(key.left(slash)), *level);
    if (!found) {
        return false;
    }
    m_fields.show(*found);
    QStringList refreshers;
    for (const ledger::Date& d : found->refreshers) {
        refreshers << convert::uk(d);
    }
    m_fields.at("refreshers")->setText(refreshers.join(QStringLiteral("; ")));
    m_id = found->id;
    m_version = found->version;
    return true;
}

QString AssessorEditor::personName() const {
    return m_session ? m_session->staffName(textOf(QStringLiteral("employee_id"))) : QString();
}

QString AssessorEditor::nameOfRecord() const {
    const QString name = personName();
    const auto level = ledger::parseAssessorLevel(text(textOf(QStringLiteral("level"))));
    const QString levelText =
        level ? text(std::string(ledger::assessorLevelLabel(*level))) : QString();
    return levelText.isEmpty() ? name : tr("%1, %2").arg(name, levelText);
}

QVariantList AssessorEditor::categoryChoices() const {
    QVariantList out;
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    if (!l) {
        return out;
    }
    for (const ledger::EquipmentCategory& c : l->assessors().categories()) {
        out << QVariantMap{{QStringLiteral("value"), text(c.code)},
                           {QStringLiteral("label"), text(c.label)}};
    }
    return out;
}

QVariantList AssessorEditor::signerChoices() const {
    QVariantList out{QVariantMap{{QStringLiteral("value"), QString()},
                                 {QStringLiteral("label"), tr("Not signed off yet")}}};
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    const auto data = m_session ? m_session->data() : nullptr;
    if (!l || !data) {
        return out;
    }
    const std::set<std::string> roles = signingRoles(*l);
    const ledger::Date today = m_session->todayDate();
    const std::string person = text(textOf(QStringLiteral("employee_id")));
    const std::string stored = text(textOf(QStringLiteral("signed_off_by")));
    std::vector<const ledger::Staff*> signers;
    const ledger::Staff* storedSigner = nullptr;
    for (const ledger::Staff& s : data->staff) {
        if (s.employeeId == person) {
            continue;
        }
        if (roles.count(s.role) > 0 && activeOn(s, today)) {
            signers.push_back(&s);
        } else if (!stored.empty() && s.employeeId == stored) {
            storedSigner = &s;
        }
    }
    std::sort(signers.begin(), signers.end(), [](const ledger::Staff* a, const ledger::Staff* b) {
        return QString::compare(text(a->fullName), text(b->fullName), Qt::CaseInsensitive) < 0;
    });
    for (const ledger::Staff* s : signers) {
        out << QVariantMap{
            {QStringLiteral("value"), text(s->employeeId)},
            {QStringLiteral("label"),
             tr("%1 (%2, %3)").arg(text(s->fullName), text(s->employeeId), text(s->role))}};
    }
    if (storedSigner) {
        // Kept as stored: saving it again is checked by core as any sign-off is.
        out << QVariantMap{{QStringLiteral("value"), text(storedSigner->employeeId)},
                           {QStringLiteral("label"),
                            tr("%1 (%2, %3: cannot sign off now)")
                                .arg(text(storedSigner->fullName), text(storedSigner->employeeId),
                                     text(storedSigner->role))}};
    }
    return out;
}

bool AssessorEditor::hasCategory(const QString& code) const {
    return splitList(textOf(QStringLiteral("categories"))).count(text(code)) > 0;
}

void AssessorEditor::toggleCategory(const QString& code) {
    std::set<std::string> items = splitList(textOf(QStringLiteral("categories")));
    const std::string wanted = text(code);
    if (!items.erase(wanted)) {
        items.insert(wanted);
    }
    QStringList joined;
    for (const std::string& item : items) {
        joined << text(item);
    }
    m_fields.at("categories")->setText(joined.join(QLatin1Char(';')));
}

QString AssessorEditor::refreshersAsIso(const QString& typed) {
    QStringList items;
    for (const QString& item : typed.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString trimmed = item.trimmed();
        if (trimmed.isEmpty()) {
            continue;
        }
        const auto date = convert::parseTyped(trimmed);
        items << (date ? text(ledger::formatIso(*date)) : trimmed);
    }
    return items.join(QLatin1Char(';'));
}

RecordForm::Work AssessorEditor::prepare() {
    ledger::TrustedAssessor a;
    // The spec reads refreshers as ISO dates; the form shows them as people write them.
    EditorField* refreshers = m_fields.at("refreshers");
    const QString typed = refreshers->text();
    refreshers->setText(refreshersAsIso(typed));
    m_fields.read(a);
    refreshers->setText(typed);

    ledger::Ledger* ledgerNow = m_session->ledger();
    if (!ledgerNow) {
        // A long task (re-reading the ledger, an import) holds it: nothing is saved.
        setMessage(tr("The ledger is busy. Try again when it has finished."));
        return {};
    }
    ledger::Ledger& l = *ledgerNow;
    const auto data = m_session->data();
    const ledger::Date today = m_session->todayDate();
    const ledger::ValidationContext base = ledger::makeValidationContext(*data, today);
    std::set<std::string, std::less<>> codes;
    for (const ledger::EquipmentCategory& c : l.assessors().categories()) {
        codes.insert(c.code);
    }
    const std::set<std::string> roles = signingRoles(l);
    std::map<std::string, const ledger::Staff*, std::less<>> people;
    for (const ledger::Staff& s : data->staff) {
        people.emplace(s.employeeId, &s);
    }
    const ledger::TrustedAssessorContext context{
        base, [&](std::string_view code) { return codes.count(code) > 0; },
        [&](std::string_view id, const ledger::Date& day) {
            const auto found = people.find(id);
            return found != people.end() && activeOn(*found->second, day);
        },
        [&](std::string_view id) {
            const auto found = people.find(id);
            return found != people.end() && roles.count(found->second->role) > 0;
        },
        true};
    m_fields.check(ledger::validateTrustedAssessor(a, context));
    a.id = isNew() ? 0 : m_id;
    a.version = isNew() ? ledger::RecordVersion{} : m_version;
    const std::string actor = m_session->actorName();
    return [a, today, actor](ledger::Ledger& open) {
        open.assessors().save(a, today, actor);
    };
}
