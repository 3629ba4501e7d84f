#pragma once

#include "session/session.h"

#include <QObject>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

/// The form behind every record editor (staff, team, role, module, requirement rule,
/// completion, audit theme). Fields are text as typed (dates as DD/MM/YYYY); save() checks
/// every field, shows all problems at once beside their fields, and writes nothing until
/// the whole record is valid. Completions are evidence: they are corrected or voided with a
/// reason, never deleted.
class RecordEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString kind READ kind NOTIFY loaded)
    Q_PROPERTY(bool isNew READ isNew NOTIFY loaded)
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY fieldsChanged)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QString message READ message NOTIFY errorsChanged)
    Q_PROPERTY(bool canRemove READ canRemove NOTIFY loaded)

public:
    explicit RecordEditor(QObject* parent = nullptr);

    [[nodiscard]] Session* session() const { return m_session; }
    void setSession(Session* session);
    [[nodiscard]] QString kind() const { return m_kind; }
    [[nodiscard]] bool isNew() const { return m_isNew; }
    [[nodiscard]] QVariantMap fields() const { return m_fields; }
    [[nodiscard]] QVariantMap errors() const { return m_errors; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] bool canRemove() const;

    /// Starts a new record of a kind: staff, team, role, module, requirement, completion,
    /// auditTheme. `preset` fills fields (e.g. the employee id of a new completion).
    Q_INVOKABLE void startNew(const QString& kind, const QVariantMap& preset = {});
    /// Loads an existing record: staff by employee id, team or role by name, module by code,
    /// requirement by module, scope and value joined by
    /// convert::kRuleKeySeparator (the `key` role of CatalogController::rules), completion and
    /// auditTheme by id. False if absent.
    Q_INVOKABLE bool load(const QString& kind, const QString& key);
    Q_INVOKABLE void setField(const QString& name, const QVariant& value);
    /// Validates and writes; true when saved.
    Q_INVOKABLE bool save();
    /// Removes the record (not for staff or completions); true when removed.
    Q_INVOKABLE bool remove();
    /// Voids the loaded completion with the reason in the `reason` field.
    Q_INVOKABLE bool voidCompletion();

signals:
    void sessionChanged();
    void loaded();
    void fieldsChanged();
    void errorsChanged();
    void saved();

private:
    void setErrors(QVariantMap errors, QString message);
    bool finish(const QString& error, const QVariantMap& found);
    /// A completion's form shows whose it is by name as well as employee id.
    void addPersonName();

    QPointer<Session> m_session;
    QString m_kind;
    bool m_isNew = true;
    QString m_key;
    QVariantMap m_fields;
    QVariantMap m_errors;
    QString m_message;
};
