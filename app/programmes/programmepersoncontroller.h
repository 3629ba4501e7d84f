#pragma once

#include "common/pagecontroller.h"
#include "common/variantlistmodel.h"

#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

/// One person's programmes on today, for their programme page and the compact sections of
/// the person page and My learning: their ASYE enrolment (its reviews in order with each
/// one's date and outcome, or "Overdue" / "Due"; the supervision log with each gap against
/// the expected cadence in place) and each apprenticeship (hours, reviews, EPA, its
/// off-the-job log and progress reviews). Every figure is core's
/// (ProgrammeService::personProgrammes).
class ProgrammePersonController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString employeeId READ employeeId WRITE setEmployeeId NOTIFY employeeIdChanged)
    Q_PROPERTY(bool found READ found NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString team READ team NOTIFY changed)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY changed)
    /// programmewords::asyeSummary's roles and assessor, supervisor (names), protectedTime
    /// ("10%"), nineMonthReview (words), cadence (the expected supervision cadence in words,
    /// with its dates).
    Q_PROPERTY(QVariantMap asye READ asye NOTIFY changed)
    /// review (`3m`...), name, date, outcome (words, "" for none), state (`held`, `overdue`,
    /// `due`, `later`, `closed`), stateText (words), statusCode (badge colour).
    Q_PROPERTY(VariantListModel* reviews READ reviews CONSTANT)
    /// The supervisions, latest first, with the gaps in place (the year's start last): kind
    /// (`supervision`, `gap`), date (DD/MM/YYYY; a gap's start), isoDate (a supervision's, for its
    /// removal), words, days (a gap's length).
    Q_PROPERTY(VariantListModel* supervisionLog READ supervisionLog CONSTANT)
    /// programmewords::apprenticeshipRow's roles, and otj [{date, isoDate, hours}] and
    /// reviews [{date, isoDate, outcome, outcomeCode, notes}] (latest first).
    Q_PROPERTY(VariantListModel* apprenticeships READ apprenticeships CONSTANT)

public:
    explicit ProgrammePersonController(QObject* parent = nullptr);

    [[nodiscard]] QString employeeId() const { return m_employeeId; }
    void setEmployeeId(const QString& id);
    [[nodiscard]] bool found() const { return m_found; }
    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString team() const { return m_team; }
    [[nodiscard]] bool enrolled() const { return !m_asye.isEmpty(); }
    [[nodiscard]] QVariantMap asye() const { return m_asye; }
    [[nodiscard]] VariantListModel* reviews() const { return m_reviews; }
    [[nodiscard]] VariantListModel* supervisionLog() const { return m_supervisionLog; }
    [[nodiscard]] VariantListModel* apprenticeships() const { return m_apprenticeships; }

    /// Removes a supervision logged in error (its date as YYYY-MM-DD): "" or why not.
    Q_INVOKABLE QString removeSupervision(const QString& isoDate);

signals:
    void employeeIdChanged();
    void changed();

private:
    void build() override;

    QString m_employeeId;
    bool m_found = false;
    QString m_name;
    QString m_team;
    QVariantMap m_asye;
    VariantListModel* m_reviews;
    VariantListModel* m_supervisionLog;
    VariantListModel* m_apprenticeships;
};
