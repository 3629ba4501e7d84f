#include "catalog/catalogcontroller.h"

#include "common/specfields.h"

#include "common/convert.h"
#include "common/timings.h"
#include "common/variantlistmodel.h"
#include "session/session.h"

#include "assessors/assessor_service.h"
#include "io/asc_wds.h"
#include "ledger.h"

#include <map>

using convert::text;

namespace {

QVariantMap choice(const QString& value, const QString& label) {
    return {{QStringLiteral("value"), value}, {QStringLiteral("label"), label}};
}

QString renewalText(const ledger::Module& m) {
    if (!m.renewalMonths) {
        return QObject::tr("Never expires");
    }
    const QString every = QObject::tr("Every %n months", nullptr, *m.renewalMonths);
    return m.renewalBasis == ledger::RenewalBasis::Expiry
               ? QObject::tr("%1 from expiry (window %2 days)").arg(every).arg(m.windowDays)
               : QObject::tr("%1 from completion").arg(every);
}

} // namespace

CatalogController::CatalogController(QObject* parent)
    : PageController(parent),
      m_teams(new VariantListModel({QStringLiteral("name"), QStringLiteral("people")}, this)),
      m_roles(new VariantListModel(
          {QStringLiteral("name"), QStringLiteral("people"), QStringLiteral("canSignOff")}, this)),
      m_modules(new VariantListModel({QStringLiteral("code"), QStringLiteral("title"),
                                      QStringLiteral("renewal"), QStringLiteral("dueSoonDays"),
                                      QStringLiteral("category"), QStringLiteral("ruleCount")},
                                     this)),
      m_rules(new VariantListModel({QStringLiteral("key"), QStringLiteral("module"),
                                    QStringLiteral("scope"), QStringLiteral("value"),
                                    QStringLiteral("appliesTo"), QStringLiteral("dueWithinDays"),
                                    QStringLiteral("effectiveFrom")},
                                   this)),
      m_themes(new VariantListModel({QStringLiteral("themeId"), QStringLiteral("key"),
                                     QStringLiteral("title"), QStringLiteral("source"),
                                     QStringLiteral("raisedOn"), QStringLiteral("priority"),
                                     QStringLiteral("status"), QStringLiteral("modules")},
                                    this)) {
}

void CatalogController::build() {
    const timings::Scope timing("interface: CatalogController built");
    QList<QVariantMap> teams, roles, modules, rules, themes;
    m_teamNames.clear();
    m_roleNames.clear();
    m_moduleChoices.clear();
    if (m_session && m_session->data() && m_session->ledger()) {
        const auto& data = *m_session->data();
        std::map<std::string, int> teamPeople, rolePeople, ruleCount;
        const auto today = m_session->todayDate();
        for (const ledger::Staff& s : data.staff) {
            const bool active = s.startDate <= today && (!s.leaveDate || today <= *s.leaveDate);
            teamPeople[s.team] += active ? 1 : 0;
            rolePeople[s.role] += active ? 1 : 0;
        }
        for (const std::string& name : m_session->ledger()->staff().teams()) {
            m_teamNames << text(name);
            teams.push_back({{QStringLiteral("name"), text(name)},
                             {QStringLiteral("people"), teamPeople[name]}});
        }
        for (const std::string& name : m_session->ledger()->staff().roles()) {
            m_roleNames << text(name);
            roles.push_back(
                {{QStringLiteral("name"), text(name)},
                 {QStringLiteral("people"), rolePeople[name]},
                 {QStringLiteral("canSignOff"),
                  m_session->ledger()->assessors().roleCanSignOff(name).value_or(false)}});
        }
        for (const ledger::Requirement& r : data.requirements) {
            ++ruleCount[r.moduleCode];
            const QString scope = text(ledger::scopeCode(r.scope));
            rules.push_back({
                {QStringLiteral("key"), text(r.moduleCode) + convert::kRuleKeySeparator + scope +
                                            convert::kRuleKeySeparator + text(r.value)},
                {QStringLiteral("module"), text(r.moduleCode)},
                {QStringLiteral("scope"), scope},
                {QStringLiteral("value"), text(r.value)},
                {QStringLiteral("appliesTo"), r.scope == ledger::Scope::All ? tr("All staff")
                                              : r.scope == ledger::Scope::Team
                                                  ? tr("Team: %1").arg(text(r.value))
                                                  : tr("Role: %1").arg(text(r.value))},
                {QStringLiteral("dueWithinDays"), r.dueWithinDays},
                {QStringLiteral("effectiveFrom"), convert::uk(r.effectiveFrom)},
            });
        }
        for (const ledger::Module& m : data.modules) {
            QString category;
            if (m.ascWdsCategory) {
                if (const auto c = ledger::findAscWdsCategory(*m.ascWdsCategory)) {
                    category = QStringLiteral("%1 %2").arg(c->code).arg(
                        QString::fromUtf8(c->name.data(), static_cast<qsizetype>(c->name.size())));
                }
            }
            modules.push_back({{QStringLiteral("code"), text(m.code)},
                               {QStringLiteral("title"), text(m.title)},
                               {QStringLiteral("renewal"), renewalText(m)},
                               {QStringLiteral("dueSoonDays"), m.dueSoonDays},
                               {QStringLiteral("category"), category},
                               {QStringLiteral("ruleCount"), ruleCount[m.code]}});
            m_moduleChoices << choice(text(m.code),
                                      text(m.code) + QStringLiteral(" – ") + text(m.title));
        }
        for (const ledger::AuditTheme& t : m_session->ledger()->themes().all()) {
            QStringList codes;
            for (const auto& c : t.moduleCodes) {
                codes << text(c);
            }
            themes.push_back(
                {{QStringLiteral("themeId"), QString::number(t.id)},
                 {QStringLiteral("key"), text(t.key)},
                 {QStringLiteral("title"), text(t.title)},
                 {QStringLiteral("source"),
                  labelOf(themeSources(), text(ledger::themeSourceCode(t.source)))},
                 {QStringLiteral("raisedOn"), convert::uk(t.raisedOn)},
                 {QStringLiteral("priority"),
                  labelOf(themePriorities(), text(ledger::themePriorityCode(t.priority)))},
                 {QStringLiteral("status"),
                  labelOf(themeStatuses(), text(ledger::themeStatusCode(t.status)))},
                 {QStringLiteral("modules"), codes.join(QStringLiteral(", "))}});
        }
    }
    m_teams->setRows(teams);
    m_roles->setRows(roles);
    m_modules->setRows(modules);
    m_rules->setRows(rules);
    m_themes->setRows(themes);
    emit changed();
}

QVariantList CatalogController::ascWdsCategories() const {
    QVariantList out{choice(QString(), tr("None (exported as 21 – Other)"))};
    for (const ledger::AscWdsCategory& c : ledger::ascWdsCategories()) {
        out << choice(QString::number(c.code),
                      QStringLiteral("%1 – %2").arg(c.code).arg(
                          QString::fromUtf8(c.name.data(), static_cast<qsizetype>(c.name.size()))));
    }
    return out;
}

QVariantList CatalogController::ascWdsAccreditedChoices() const {
    return {choice(QString(), tr("Not set")), choice(QStringLiteral("1"), tr("Yes")),
            choice(QStringLiteral("0"), tr("No")), choice(QStringLiteral("999"), tr("Don't know"))};
}

QVariantList CatalogController::ascWdsWhoDeliveredChoices() const {
    return {choice(QString(), tr("Not set")), choice(QStringLiteral("1"), tr("In-house staff")),
            choice(QStringLiteral("2"), tr("External provider"))};
}

QVariantList CatalogController::ascWdsHowDeliveredChoices() const {
    return {choice(QString(), tr("Not set")), choice(QStringLiteral("1"), tr("Face to face")),
            choice(QStringLiteral("2"), tr("E-learning"))};
}

QVariantList CatalogController::registrationBodies() const {
    return specfields::choicesOf(ledger::staffSpec().at("registration_body").choices);
}

QVariantList CatalogController::themeSources() const {
    return specfields::choicesOf(ledger::auditThemeSpec().at("source").choices);
}

QVariantList CatalogController::themePriorities() const {
    return specfields::choicesOf(ledger::auditThemeSpec().at("priority").choices);
}

QVariantList CatalogController::themeStatuses() const {
    return specfields::choicesOf(ledger::auditThemeSpec().at("status").choices);
}

QString CatalogController::labelOf(const QVariantList& choices, const QString& value) const {
    for (const QVariant& c : choices) {
        const QVariantMap m = c.toMap();
        if (m.value(QStringLiteral("value")).toString() == value) {
            return m.value(QStringLiteral("label")).toString();
        }
    }
    return value;
}

QString CatalogController::setCanSignOff(const QString& role, bool canSignOff) {
    if (!m_session) {
        return tr("No ledger is open.");
    }
    const std::string name = text(role);
    const std::string actor = m_session->actorName();
    return m_session->write(
        [&](ledger::Ledger& l) { l.assessors().setRoleCanSignOff(name, canSignOff, actor); });
}
