#pragma once

#include "common/pagecontroller.h"

#include "common/variantlistmodel.h"
#include "session/session.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

/// The trusted-assessors team view: who may assess for which equipment category today
/// (`authorised`), those whose refresher falls due within the next 90 days (`lapsing`: still
/// authorised today), and the rest (`others`: in training, lapsed or withdrawn), each for the
/// people active today, filtered by team and by equipment category. Every status is core's
/// (AssessorService::report, checkTrustedAssessor, mayAssess, lapsesWithin).
class AssessorsController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    /// The team shown ("" for every team).
    Q_PROPERTY(QString team READ team WRITE setTeam NOTIFY teamChanged)
    /// The equipment category shown, by code ("" for every category). In `authorised`, only
    /// those who may assess for it today (mayAssess).
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY categoryChanged)
    /// The teams to filter by: {value, label}, "All teams" first, then each team with an
    /// authorisation (and the chosen one).
    Q_PROPERTY(QVariantList teamChoices READ teamChoices NOTIFY changed)
    /// The ledger's equipment categories to filter by: {value, label}, "All categories" first.
    Q_PROPERTY(QVariantList categoryChoices READ categoryChoices NOTIFY changed)
    /// Rows of assessorwords::rowOf, by name.
    Q_PROPERTY(VariantListModel* authorised READ authorised CONSTANT)
    /// By refresher due date, soonest first.
    Q_PROPERTY(VariantListModel* lapsing READ lapsing CONSTANT)
    /// Lapsed, then in training, then withdrawn; by name within each.
    Q_PROPERTY(VariantListModel* others READ others CONSTANT)
    /// "7 people may assess today · 3 lapse within 90 days" (for what the filter shows).
    Q_PROPERTY(QString summary READ summary NOTIFY changed)

public:
    explicit AssessorsController(QObject* parent = nullptr);

    [[nodiscard]] QString team() const { return m_team; }
    void setTeam(const QString& team);
    [[nodiscard]] QString category() const { return m_category; }
    void setCategory(const QString& category);
    [[nodiscard]] QVariantList teamChoices() const { return m_teamChoices; }
    [[nodiscard]] QVariantList categoryChoices() const { return m_categoryChoices; }
    [[nodiscard]] VariantListModel* authorised() const { return m_authorised; }
    [[nodiscard]] VariantListModel* lapsing() const { return m_lapsing; }
    [[nodiscard]] VariantListModel* others() const { return m_others; }
    [[nodiscard]] QString summary() const { return m_summary; }

signals:
    void teamChanged();
    void categoryChanged();
    void changed();

private:
    void build() override;

    QString m_team;
    QString m_category;
    QVariantList m_teamChoices;
    QVariantList m_categoryChoices;
    VariantListModel* m_authorised;
    VariantListModel* m_lapsing;
    VariantListModel* m_others;
    QString m_summary;
};
