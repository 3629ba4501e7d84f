#pragma once

#include "common/pagecontroller.h"
#include "common/variantlistmodel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

/// Every apprenticeship started by today of the staff active today (as `report
/// apprenticeships`): the person, the standard, the status in words, the planned, expected and
/// logged off-the-job hours with core's on-track word, the next review (or that it is
/// overdue) and the end-point assessment; filtered by status.
class ApprenticeshipsController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    /// A status code (`active`, `on_break`, `completed`, `withdrawn`), or "" for all.
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY statusChanged)
    /// name, team, and programmewords::apprenticeshipRow's roles.
    Q_PROPERTY(VariantListModel* rows READ rows CONSTANT)
    /// "9 shown · 2 behind on off-the-job hours · 1 with a review overdue".
    Q_PROPERTY(QString summary READ summary NOTIFY changed)

public:
    explicit ApprenticeshipsController(QObject* parent = nullptr);

    [[nodiscard]] QString status() const { return m_status; }
    void setStatus(const QString& status);
    [[nodiscard]] VariantListModel* rows() const { return m_rows; }
    [[nodiscard]] QString summary() const { return m_summary; }

signals:
    void statusChanged();
    void changed();

private:
    void build() override;

    QString m_status;
    VariantListModel* m_rows;
    QString m_summary;
};
