#include "staff/personcontroller.h"

#include "common/convert.h"
#include "common/timings.h"
#include "common/variantlistmodel.h"
#include "coverage/coveragecontroller.h"
#include "session/session.h"
#include "sessions/sessionwords.h"

#include "ledger.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using convert::text;

namespace {

QString bodyName(ledger::RegistrationBody body) {
    switch (body) {
    case ledger::RegistrationBody::SocialWorkEngland:
        return QObject::tr("Social Work England");
    case ledger::RegistrationBody::Hcpc:
        return QObject::tr("HCPC");
    case ledger::RegistrationBody::Nmc:
        return QObject::tr("NMC");
    case ledger::RegistrationBody::None:
        break;
    }
    return {};
}

/// `{"team":"East"}` as "team: East".
QString describeValues(const std::string& json) {
    const QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    QStringList parts;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString value = it.value().toString();
        parts << QStringLiteral("%1: %2").arg(it.key(),
                                              value.isEmpty() ? QObject::tr("(empty)") : value);
    }
    return parts.join(QStringLiteral("; "));
}

QString localTime(const std::string& utc) {
    const QDateTime at = QDateTime::fromString(text(utc), Qt::ISODate);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")) : text(utc);
}

} // namespace

PersonController::PersonController(QObject* parent)
    : PageController(parent), m_modules(new VariantListModel(statusRoles(), this)),
      m_completions(new VariantListModel(
          {QStringLiteral("completionId"), QStringLiteral("module"), QStringLiteral("moduleTitle"),
           QStringLiteral("completedOn"), QStringLiteral("expiresOn"), QStringLiteral("evidence"),
           QStringLiteral("voided"), QStringLiteral("voidReason")},
          this)),
      m_history(new VariantListModel({QStringLiteral("at"), QStringLiteral("actor"),
                                      QStringLiteral("what"), QStringLiteral("change"),
                                      QStringLiteral("oldValues"), QStringLiteral("newValues")},
                                     this)),
      m_sessions(new VariantListModel({QStringLiteral("key"), QStringLiteral("when"),
                                       QStringLiteral("title"), QStringLiteral("kind"),
                                       QStringLiteral("state"), QStringLiteral("stateCode")},
                                      this)) {
}

void PersonController::setEmployeeId(const QString& id) {
    if (id == m_employeeId) {
        return;
    }
    m_employeeId = id;
    emit employeeIdChanged();
    refresh();
}

void PersonController::build() {
    const timings::Scope timing("interface: PersonController built");
    m_details.clear();
    m_statusSummary.clear();
    m_sessionsSummary.clear();
    QList<QVariantMap> modules, completions, history, sessions;
    if (m_session && m_session->data() && m_session->engine() && m_session->ledger()) {
        const auto& data = *m_session->data();
        const auto& engine = *m_session->engine();
        if (const auto index = engine.findStaff(text(m_employeeId))) {
            const ledger::Staff& s = data.staff[*index];
            QString manager;
            for (const ledger::Staff& other : data.staff) {
                if (!s.lineManagerId.empty() && other.employeeId == s.lineManagerId) {
                    manager = text(other.fullName) + QStringLiteral(" (") + text(other.employeeId) +
                              QLatin1Char(')');
                }
            }
            const auto today = ledger::toDayNumber(m_session->todayDate());
            m_details = QVariantMap{
                {QStringLiteral("employeeId"), text(s.employeeId)},
                {QStringLiteral("fullName"), text(s.fullName)},
                {QStringLiteral("email"), text(s.email)},
                {QStringLiteral("team"), text(s.team)},
                {QStringLiteral("role"), text(s.role)},
                {QStringLiteral("startDate"), convert::uk(s.startDate)},
                {QStringLiteral("leaveDate"), convert::uk(s.leaveDate)},
                {QStringLiteral("lineManager"), manager},
                {QStringLiteral("registration"),
                 s.registrationBody == ledger::RegistrationBody::None
                     ? QString()
                     : bodyName(s.registrationBody) + QLatin1Char(' ') +
                           text(s.registrationNumber)},
                {QStringLiteral("active"), engine.isActive(*index, today)},
            };
            const auto rows = engine.statusesOf(*index, today);
            modules = statusRows(engine, data, rows);
            int overdue = 0, dueSoon = 0;
            for (const auto& r : rows) {
                overdue += r.status.status == ledger::Status::Overdue ? 1 : 0;
                dueSoon += r.status.status == ledger::Status::DueSoon ? 1 : 0;
            }
            m_statusSummary = rows.empty() ? tr("No modules required today")
                              : overdue + dueSoon == 0
                                  ? tr("All %n required modules up to date", nullptr,
                                       static_cast<int>(rows.size()))
                                  : tr("%1 overdue, %2 due soon, of %3 required")
                                        .arg(overdue)
                                        .arg(dueSoon)
                                        .arg(rows.size());
            for (const ledger::Completion& c :
                 m_session->ledger()->training().completionsOf(s.employeeId)) {
                QString title;
                for (const ledger::Module& m : data.modules) {
                    if (m.code == c.moduleCode) {
                        title = text(m.title);
                    }
                }
                completions.push_back(QVariantMap{
                    {QStringLiteral("completionId"), QVariant::fromValue(c.id)},
                    {QStringLiteral("module"), text(c.moduleCode)},
                    {QStringLiteral("moduleTitle"), title},
                    {QStringLiteral("completedOn"), convert::uk(c.completedOn)},
                    {QStringLiteral("expiresOn"), convert::uk(c.expiresOn)},
                    {QStringLiteral("evidence"), text(c.evidence)},
                    {QStringLiteral("voided"), c.voided},
                    {QStringLiteral("voidReason"), text(c.voidReason)},
                });
            }
            int attended = 0, missed = 0, booked = 0;
            for (const ledger::SessionWithBookings& w : m_session->ledger()->sessions().all()) {
                for (const ledger::Booking& b : w.outcome.people) {
                    if (b.employeeId != s.employeeId) {
                        continue;
                    }
                    using State = ledger::BookingState;
                    attended += b.state == State::Attended ? 1 : 0;
                    missed += b.state == State::NoShow || b.state == State::Absent ? 1 : 0;
                    booked += b.state == State::Booked || b.state == State::Waiting ? 1 : 0;
                    sessions.prepend(QVariantMap{
                        {QStringLiteral("key"), text(w.session.key)},
                        {QStringLiteral("when"), sessionwords::whenOf(w.session)},
                        {QStringLiteral("title"), text(w.session.title)},
                        {QStringLiteral("kind"), sessionwords::kindWord(w.session.kind)},
                        {QStringLiteral("state"), sessionwords::stateWord(b)},
                        {QStringLiteral("stateCode"),
                         text(std::string(ledger::bookingStateCode(b.state)))},
                    });
                }
            }
            if (!sessions.isEmpty()) {
                m_sessionsSummary = tr("Attended %1 · missed %2 · booked or waiting %3")
                                        .arg(attended)
                                        .arg(missed)
                                        .arg(booked);
            }
            const auto log = m_session->ledger()->audit().historyOf(s.employeeId);
            for (auto it = log.rbegin(); it != log.rend(); ++it) {
                history.push_back(QVariantMap{
                    {QStringLiteral("at"), localTime(it->at)},
                    {QStringLiteral("actor"), text(it->actor)},
                    {QStringLiteral("what"),
                     text(it->entity) + QLatin1Char(' ') + text(it->recordKey)},
                    {QStringLiteral("change"), text(it->action)},
                    {QStringLiteral("oldValues"), describeValues(it->oldValues)},
                    {QStringLiteral("newValues"), describeValues(it->newValues)},
                });
            }
        }
    }
    m_modules->setRows(modules);
    m_completions->setRows(completions);
    m_history->setRows(history);
    m_sessions->setRows(sessions);
    emit changed();
}
