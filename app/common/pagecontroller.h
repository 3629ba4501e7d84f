#pragma once

#include "common/whenshown.h"
#include "session/session.h"

#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

/// What every page's controller has: the session it reads, whether its page is shown
/// (`active`, bound to the page's visibility), and WhenShown's timing of its build. A
/// controller says what it builds (`build`), calls `refresh` when one of its own inputs
/// changes, and may take something from a newly attached session (`sessionAttached`). A read
/// that fails leaves the page empty and shows why in the session's notice (guardedRead).
class PageController : public QObject, public QQmlParserStatus {
    Q_OBJECT
    QML_ANONYMOUS
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(Session* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)

public:
    [[nodiscard]] Session* session() const { return m_session; }
    void setSession(Session* session);
    [[nodiscard]] bool active() const { return m_shown.active(); }
    void setActive(bool active);
    void classBegin() override { m_shown.classBegin(); }
    void componentComplete() override { m_shown.componentComplete(); }

signals:
    void sessionChanged();
    void activeChanged();

protected:
    explicit PageController(QObject* parent = nullptr);

    /// Reads the page's data from the session: when first shown, and again on each change
    /// while shown (see WhenShown).
    virtual void build() = 0;
    /// A new session was attached (before sessionChanged): take defaults from it.
    virtual void sessionAttached() {}
    /// The ledger's data or one of the page's inputs changed.
    void refresh() { m_shown.changed(); }

    QPointer<Session> m_session;
    WhenShown m_shown{[this] {
        guardedRead(m_session, [this] { build(); });
    }};
};
