#include "assessors/assessorwords.h"

#include "common/convert.h"

#include <QObject>

using convert::text;

namespace assessorwords {

namespace {

QString badgeOf(ledger::AssessorStatus status, bool lapsing) {
    // StatusBadge's colours (Theme.statusColour): the word beside each says what it means.
    switch (status) {
    case ledger::AssessorStatus::Authorised:
        return lapsing ? QStringLiteral("due_soon") : QStringLiteral("compliant");
    case ledger::AssessorStatus::Lapsed:
        return QStringLiteral("overdue");
    case ledger::AssessorStatus::InTraining:
        return QStringLiteral("not_yet_due");
    case ledger::AssessorStatus::Withdrawn:
        break;
    }
    return QStringLiteral("withdrawn");
}

QString labelOf(const std::vector<ledger::EquipmentCategory>& categories, const std::string& code) {
    for (const ledger::EquipmentCategory& c : categories) {
        if (c.code == code) {
            return text(c.label);
        }
    }
    return text(code);
}

QString inDays(int days) {
    if (days == 0) {
        return QObject::tr("today");
    }
    return days == 1 ? QObject::tr("tomorrow") : QObject::tr("in %1 days").arg(days);
}

} // namespace

QString keyOf(const ledger::TrustedAssessor& assessor) {
    return text(assessor.employeeId) + QLatin1Char('/') +
           text(ledger::assessorLevelCode(assessor.level));
}

QStringList roles() {
    return {
        QStringLiteral("key"),        QStringLiteral("employeeId"),   QStringLiteral("name"),
        QStringLiteral("team"),       QStringLiteral("level"),        QStringLiteral("levelCode"),
        QStringLiteral("categories"), QStringLiteral("status"),       QStringLiteral("statusCode"),
        QStringLiteral("badge"),      QStringLiteral("refresherDue"), QStringLiteral("when"),
        QStringLiteral("signedOff"),  QStringLiteral("restrictions"), QStringLiteral("lapsing")};
}

QVariantMap rowOf(const ledger::TrustedAssessor& a, const ledger::AssessorFigures& figures,
                  const ledger::Date& today, const QString& name, const QString& team,
                  const QString& signerName,
                  const std::vector<ledger::EquipmentCategory>& categories) {
    const bool lapsing = ledger::lapsesWithin(a, today, kLapsingDays);
    QStringList labels;
    for (const std::string& code : a.categories) {
        labels << labelOf(categories, code);
    }
    QString when;
    switch (figures.status) {
    case ledger::AssessorStatus::Authorised: {
        const int days = ledger::daysBetween(today, *figures.refresherDue);
        when = lapsing ? QObject::tr("Refresher due %1 (%2)")
                             .arg(convert::uk(figures.refresherDue), inDays(days))
                       : QObject::tr("Refresher due %1").arg(convert::uk(figures.refresherDue));
        break;
    }
    case ledger::AssessorStatus::Lapsed:
        when = QObject::tr("Refresher was due %1").arg(convert::uk(figures.refresherDue));
        break;
    case ledger::AssessorStatus::InTraining:
        when = a.signedOffOn
                   ? QObject::tr("Sign-off dated %1").arg(convert::uk(a.signedOffOn))
                   : QObject::tr("Trained %1, not signed off").arg(convert::uk(a.trainedOn));
        break;
    case ledger::AssessorStatus::Withdrawn:
        when = QObject::tr("Withdrawn %1").arg(convert::uk(a.withdrawnOn));
        break;
    }
    const QString signedOff =
        a.signedOffOn ? QObject::tr("%1 on %2")
                            .arg(signerName.isEmpty() ? text(a.signedOffBy) : signerName,
                                 convert::uk(a.signedOffOn))
                      : QString();
    return {
        {QStringLiteral("key"), keyOf(a)},
        {QStringLiteral("employeeId"), text(a.employeeId)},
        {QStringLiteral("name"), name.isEmpty() ? text(a.employeeId) : name},
        {QStringLiteral("team"), team},
        {QStringLiteral("level"), text(std::string(ledger::assessorLevelLabel(a.level)))},
        {QStringLiteral("levelCode"), text(ledger::assessorLevelCode(a.level))},
        {QStringLiteral("categories"),
         labels.isEmpty() ? QObject::tr("No categories") : labels.join(QStringLiteral(", "))},
        {QStringLiteral("status"), text(std::string(ledger::assessorStatusLabel(figures.status)))},
        {QStringLiteral("statusCode"), text(ledger::assessorStatusCode(figures.status))},
        {QStringLiteral("badge"), badgeOf(figures.status, lapsing)},
        {QStringLiteral("refresherDue"), convert::uk(figures.refresherDue)},
        {QStringLiteral("when"), when},
        {QStringLiteral("signedOff"), signedOff},
        {QStringLiteral("restrictions"), text(a.restrictions)},
        {QStringLiteral("lapsing"), lapsing}};
}

} // namespace assessorwords
