#pragma once

#include "common/recordform.h"
#include "common/specfields.h"

#include "sessions/session.h"

/// Plans a session, or a whole series in one step, and edits one occurrence (by its key). The
/// date is typed as DD/MM/YYYY and the times as HH:MM (Europe/London wall clock); a session
/// that runs over several days has an end date. While it is typed, the clash warnings of
/// rules/sessions.md section 4 (a shared facilitator, team, role or person at an overlapping
/// time) are shown: a warning only, the session can still be saved.
class SessionEditor : public RecordForm {
    Q_OBJECT
    QML_ELEMENT
    /// The clashes the session (every occurrence of a series) would have, one per line, in
    /// words; empty when none.
    Q_PROPERTY(QString clashWarning READ clashWarning NOTIFY clashWarningChanged)
    /// How many occurrences a series as typed makes (0 when the rule is incomplete, 1 for a
    /// single session).
    Q_PROPERTY(int occurrences READ occurrences NOTIFY clashWarningChanged)
    /// The name of the facilitator whose employee id is typed (empty when none matches).
    Q_PROPERTY(QString facilitatorName READ facilitatorName NOTIFY facilitatorNameChanged)

public:
    explicit SessionEditor(QObject* parent = nullptr);

    [[nodiscard]] QString clashWarning() const { return m_clashWarning; }
    [[nodiscard]] int occurrences() const { return m_occurrences; }
    [[nodiscard]] QString facilitatorName() const;

signals:
    void clashWarningChanged();
    void facilitatorNameChanged();

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    Work removal() override;
    [[nodiscard]] bool removable() const override { return true; }
    [[nodiscard]] QString nameOfRecord() const override;
    [[nodiscard]] QString fieldFor(const QString& reported) const override;

private:
    /// The session as typed, with `starts_at` and `ends_at` made from the date and times (empty
    /// when they cannot be read).
    [[nodiscard]] ledger::LearningSession typed();
    /// The series rule as typed; nullopt when a field of it cannot be read (shown beside it
    /// when `show`).
    [[nodiscard]] std::optional<ledger::SeriesRule> rule(bool show);
    void composeTimes();
    void updateClashes();

    SpecFields<ledger::LearningSession> m_fields;
    EditorField* m_date;
    EditorField* m_startTime;
    EditorField* m_endTime;
    EditorField* m_endDate;
    EditorField* m_repeat;
    EditorField* m_nth;
    EditorField* m_count;
    EditorField* m_until;
    QString m_clashWarning;
    int m_occurrences = 0;
    QString m_clashInput; ///< what the warning was worked out from
};
