#pragma once

#include "common/pagecontroller.h"
#include "common/variantlistmodel.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

/// The ASYE cohort on today: each person enrolled (of the staff active today, as `report
/// asye`), with their start, the year's reviews held, their next review and everything
/// overdue (reviews past their date without an outcome, supervision gaps), those with
/// something overdue first. Filtered by team and by open or closed years. Every figure is
/// core's (ProgrammeService::asyeReport).
class AsyeCohortController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    /// A team's name, or "" for every team.
    Q_PROPERTY(QString team READ team WRITE setTeam NOTIFY teamChanged)
    /// `open` (the default), `closed` or `all`.
    Q_PROPERTY(QString state READ state WRITE setState NOTIFY stateChanged)
    /// The teams with someone enrolled, by name.
    Q_PROPERTY(QStringList teams READ teams NOTIFY changed)
    /// employeeId, name, team, and programmewords::asyeSummary's roles.
    Q_PROPERTY(VariantListModel* rows READ rows CONSTANT)
    /// "12 shown · 3 with a review overdue · 5 with supervision gaps".
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    /// How many shown have a review overdue or a supervision gap.
    Q_PROPERTY(int needingAction READ needingAction NOTIFY changed)

public:
    explicit AsyeCohortController(QObject* parent = nullptr);

    [[nodiscard]] QString team() const { return m_team; }
    void setTeam(const QString& team);
    [[nodiscard]] QString state() const { return m_state; }
    void setState(const QString& state);
    [[nodiscard]] QStringList teams() const { return m_teams; }
    [[nodiscard]] VariantListModel* rows() const { return m_rows; }
    [[nodiscard]] QString summary() const { return m_summary; }
    [[nodiscard]] int needingAction() const { return m_needingAction; }

    /// The employee id of the first person shown with an open year and a supervision gap
    /// ("" when none), for the screenshot of a person's ASYE.
    Q_INVOKABLE QString firstWithGap() const;

signals:
    void teamChanged();
    void stateChanged();
    void changed();

private:
    void build() override;

    QString m_team;
    QString m_state = QStringLiteral("open");
    QStringList m_teams;
    VariantListModel* m_rows;
    QString m_summary;
    int m_needingAction = 0;
};
