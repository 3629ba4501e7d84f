#pragma once

#include "common/pagecontroller.h"

#include "common/variantlistmodel.h"
#include "common/whenshown.h"
#include "session/session.h"

#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

/// The ledger's reference lists for the pages and editors: teams and roles with how many
/// people are in each, modules with their rules, audit themes, and the fixed choices
/// (ASC-WDS categories, registration bodies, theme sources, priorities and statuses). Each
/// role says whether it may sign trusted assessors off (`canSignOff`), set here too.
class CatalogController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(VariantListModel* teams READ teams CONSTANT)
    Q_PROPERTY(VariantListModel* roles READ roles CONSTANT)
    Q_PROPERTY(VariantListModel* modules READ modules CONSTANT)
    Q_PROPERTY(VariantListModel* rules READ rules CONSTANT)
    Q_PROPERTY(VariantListModel* themes READ themes CONSTANT)
    Q_PROPERTY(QStringList teamNames READ teamNames NOTIFY changed)
    Q_PROPERTY(QStringList roleNames READ roleNames NOTIFY changed)
    Q_PROPERTY(QVariantList moduleChoices READ moduleChoices NOTIFY changed)
    Q_PROPERTY(QVariantList ascWdsCategories READ ascWdsCategories CONSTANT)
    /// The ASC-WDS ACCREDITED, WHODELIVERED and HOWDELIVERED codes in words, after "Not set".
    Q_PROPERTY(QVariantList ascWdsAccreditedChoices READ ascWdsAccreditedChoices CONSTANT)
    Q_PROPERTY(QVariantList ascWdsWhoDeliveredChoices READ ascWdsWhoDeliveredChoices CONSTANT)
    Q_PROPERTY(QVariantList ascWdsHowDeliveredChoices READ ascWdsHowDeliveredChoices CONSTANT)
    Q_PROPERTY(QVariantList registrationBodies READ registrationBodies CONSTANT)
    Q_PROPERTY(QVariantList themeSources READ themeSources CONSTANT)
    Q_PROPERTY(QVariantList themePriorities READ themePriorities CONSTANT)
    Q_PROPERTY(QVariantList themeStatuses READ themeStatuses CONSTANT)

public:
    explicit CatalogController(QObject* parent = nullptr);

    /// Shown: built now if its data changed since (see WhenShown).
    [[nodiscard]] VariantListModel* teams() const { return m_teams; }
    [[nodiscard]] VariantListModel* roles() const { return m_roles; }
    [[nodiscard]] VariantListModel* modules() const { return m_modules; }
    [[nodiscard]] VariantListModel* rules() const { return m_rules; }
    [[nodiscard]] VariantListModel* themes() const { return m_themes; }
    [[nodiscard]] QStringList teamNames() const { return m_teamNames; }
    [[nodiscard]] QStringList roleNames() const { return m_roleNames; }
    [[nodiscard]] QVariantList moduleChoices() const { return m_moduleChoices; }
    [[nodiscard]] QVariantList ascWdsCategories() const;
    [[nodiscard]] QVariantList ascWdsAccreditedChoices() const;
    [[nodiscard]] QVariantList ascWdsWhoDeliveredChoices() const;
    [[nodiscard]] QVariantList ascWdsHowDeliveredChoices() const;
    [[nodiscard]] QVariantList registrationBodies() const;
    [[nodiscard]] QVariantList themeSources() const;
    [[nodiscard]] QVariantList themePriorities() const;
    [[nodiscard]] QVariantList themeStatuses() const;

    /// The label of a choice's value in one of the lists above (e.g. "complaint" -> "Complaint").
    Q_INVOKABLE QString labelOf(const QVariantList& choices, const QString& value) const;
    /// Lets a role sign trusted assessors off, or stops it (AssessorService::setRoleCanSignOff,
    /// logged in the change log); "" when saved, else why not.
    Q_INVOKABLE QString setCanSignOff(const QString& role, bool canSignOff);

signals:
    void changed();

private:
    void build() override;

    VariantListModel* m_teams;
    VariantListModel* m_roles;
    VariantListModel* m_modules;
    VariantListModel* m_rules;
    VariantListModel* m_themes;
    QStringList m_teamNames;
    QStringList m_roleNames;
    QVariantList m_moduleChoices;
};
