#pragma once

#include "common/pagecontroller.h"

#include "common/variantlistmodel.h"
#include "common/whenshown.h"
#include "session/session.h"

#include "base/ids.h"

#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace ledger {
class Ledger;
}

/// The Forums & sessions workspace: the agenda (upcoming and past sessions, each with its
/// status in words and its places), the chosen session's bookings and attendance, and the
/// topic suggestions beside the planner. Every figure comes from core's SessionService (the
/// replay of each session's log); the actions go through it too, one unit of work each.
class SessionsController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(VariantListModel* upcoming READ upcoming CONSTANT)
    Q_PROPERTY(VariantListModel* past READ past CONSTANT)
    Q_PROPERTY(VariantListModel* bookings READ bookings CONSTANT)
    Q_PROPERTY(VariantListModel* suggestions READ suggestions CONSTANT)
    /// The chosen session's feedback: employeeId, name, score, comment.
    Q_PROPERTY(VariantListModel* feedback READ feedback CONSTANT)
    Q_PROPERTY(QString selected READ selected WRITE setSelected NOTIFY selectedChanged)
    Q_PROPERTY(QVariantMap detail READ detail NOTIFY changed)

public:
    explicit SessionsController(QObject* parent = nullptr);

    [[nodiscard]] VariantListModel* upcoming() const { return m_upcoming; }
    [[nodiscard]] VariantListModel* past() const { return m_past; }
    [[nodiscard]] VariantListModel* bookings() const { return m_bookings; }
    [[nodiscard]] VariantListModel* suggestions() const { return m_suggestions; }
    [[nodiscard]] VariantListModel* feedback() const { return m_feedback; }
    /// The chosen session, by key (empty: none).
    [[nodiscard]] QString selected() const { return m_selected; }
    void setSelected(const QString& key);
    /// The chosen session: title, when, kind, status, places, speaker, facilitator, themes,
    /// invited (the people invited by name, as employee ids separated by spaces),
    /// feedbackSummary (in words), startsAt/endsAt (`YYYY-MM-DDTHH:MM`).
    [[nodiscard]] QVariantMap detail() const { return m_detail; }

    /// Records one action on the chosen session: `book`, `cancel`, `apologise`, `attend`,
    /// `absent`, `no_show` (for `employeeId`), `set_capacity` (value: the capacity, empty for
    /// unlimited), `cancel_session` (value: the reason), `mark_held`. Returns the problem in
    /// words (the rules' refusal, such as "Already booked"), or empty when recorded.
    Q_INVOKABLE QString act(const QString& action, const QString& employeeId,
                            const QString& value = {});
    /// Invites exactly these people by name to the chosen session (employee ids separated by
    /// spaces, commas or semicolons; an empty text invites no one by name). Returns the problem
    /// in words, or empty when saved.
    Q_INVOKABLE QString setInvited(const QString& employeeIds);
    /// Records one attendee's feedback on the chosen session: a score of 1 to 5 and a comment.
    /// Returns the problem in words, or empty when saved.
    Q_INVOKABLE QString giveFeedback(const QString& employeeId, int score, const QString& comment);
    /// The Europe/London wall clock `YYYY-MM-DDTHH:MM` an action is recorded at (the
    /// session's "today" with the time now; PRACTICE_LEDGER_NOW overrides it for tests).
    [[nodiscard]] QString now() const;

signals:
    void selectedChanged();
    void changed();

private:
    void build() override;
    /// Runs `work` on the chosen session (by its id, found by key in the same transaction);
    /// returns the problem in words, or empty when written.
    QString writeSelected(const std::function<void(ledger::Ledger&, ledger::RecordId)>& work);

    VariantListModel* m_upcoming;
    VariantListModel* m_past;
    VariantListModel* m_bookings;
    VariantListModel* m_suggestions;
    VariantListModel* m_feedback;
    QString m_selected;
    QVariantMap m_detail;
};
