#pragma once

#include "common/pagecontroller.h"

#include "common/variantlistmodel.h"
#include "session/session.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

/// One person's trusted-assessor authorisations, for the person page and My learning: each
/// with its status today (core's checkTrustedAssessor) and refresher due date, as the team
/// view shows them. Empty for someone with none.
class PersonAssessorsController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString employeeId READ employeeId WRITE setEmployeeId NOTIFY employeeIdChanged)
    /// Rows of assessorwords::rowOf, by level code.
    Q_PROPERTY(VariantListModel* authorisations READ authorisations CONSTANT)

public:
    explicit PersonAssessorsController(QObject* parent = nullptr);

    [[nodiscard]] QString employeeId() const { return m_employeeId; }
    void setEmployeeId(const QString& id);
    [[nodiscard]] VariantListModel* authorisations() const { return m_authorisations; }

signals:
    void employeeIdChanged();

private:
    void build() override;

    QString m_employeeId;
    VariantListModel* m_authorisations;
};
