#pragma once

#include "common/pagecontroller.h"

#include "common/variantlistmodel.h"
#include "common/whenshown.h"
#include "session/session.h"

#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

/// One audit theme's page: what it is, who owns it, everything linked to it (the modules that
/// address it, the sessions planned or held on it) and its reach over a chosen period
/// (rules/sessions.md section 6: sessions held, completions of its modules, staff reached,
/// last touched), worked out by core.
class ThemeController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    /// The theme shown, by key (empty: none).
    Q_PROPERTY(QString selected READ selected WRITE setSelected NOTIFY selectedChanged)
    /// The reach period, as typed (DD/MM/YYYY); by default the 12 months to today.
    Q_PROPERTY(QString from READ from WRITE setFrom NOTIFY periodChanged)
    Q_PROPERTY(QString to READ to WRITE setTo NOTIFY periodChanged)
    /// Why the period cannot be used, in words; empty when it can.
    Q_PROPERTY(QString periodError READ periodError NOTIFY changed)
    Q_PROPERTY(bool found READ found NOTIFY changed)
    /// key, title, description, owner, source/priority/status codes, raisedOn.
    Q_PROPERTY(QVariantMap detail READ detail NOTIFY changed)
    /// sessionsHeld, completions, cpdEntries, staffReached, lastTouched (words).
    Q_PROPERTY(QVariantMap reach READ reach NOTIFY changed)
    Q_PROPERTY(VariantListModel* modules READ modules CONSTANT)
    Q_PROPERTY(VariantListModel* sessions READ sessions CONSTANT)

public:
    explicit ThemeController(QObject* parent = nullptr);

    [[nodiscard]] QString selected() const { return m_selected; }
    void setSelected(const QString& key);
    [[nodiscard]] QString from() const { return m_from; }
    void setFrom(const QString& from);
    [[nodiscard]] QString to() const { return m_to; }
    void setTo(const QString& to);
    [[nodiscard]] QString periodError() const { return m_periodError; }
    [[nodiscard]] bool found() const { return !m_detail.isEmpty(); }
    [[nodiscard]] QVariantMap detail() const { return m_detail; }
    [[nodiscard]] QVariantMap reach() const { return m_reach; }
    [[nodiscard]] VariantListModel* modules() const { return m_modules; }
    [[nodiscard]] VariantListModel* sessions() const { return m_sessions; }

signals:
    void selectedChanged();
    void periodChanged();
    void changed();

private:
    void build() override;
    void sessionAttached() override;

    QString m_selected;
    QString m_from;
    QString m_to;
    QString m_periodError;
    QVariantMap m_detail;
    QVariantMap m_reach;
    VariantListModel* m_modules;
    VariantListModel* m_sessions;
};
