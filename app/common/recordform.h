#pragma once

#include "common/editorfield.h"
#include "session/session.h"

#include "base/ids.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <vector>

namespace ledger {
class Ledger;
}

/// The common base of the record editors (StaffEditor, ModuleEditor, RuleEditor,
/// CompletionEditor, ThemeEditor, TeamEditor, RoleEditor). Each field is an EditorField made
/// from its kind's field spec. save() reads and checks every field, shows every problem beside
/// its field at once, and writes nothing until the whole record is valid; the write is one
/// transaction through the session.
class RecordForm : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("a record editor is one of its kinds, e.g. StaffEditor")
    Q_PROPERTY(Session* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool isNew READ isNew NOTIFY loaded)
    Q_PROPERTY(QString recordName READ recordName NOTIFY loaded)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool canRemove READ canRemove NOTIFY loaded)
    /// True after a save was refused because someone else saved the record since it was
    /// loaded; the input stays in the form until showStored() replaces it.
    Q_PROPERTY(bool stale READ stale NOTIFY messageChanged)

public:
    using Work = std::function<void(ledger::Ledger&)>;

    explicit RecordForm(QObject* parent = nullptr);

    [[nodiscard]] Session* session() const { return m_session; }
    void setSession(Session* session);
    [[nodiscard]] bool isNew() const { return m_isNew; }
    [[nodiscard]] QString recordName() const { return m_recordName; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] bool canRemove() const { return !m_isNew && removable(); }
    [[nodiscard]] bool stale() const { return m_stale; }

    /// The field of this name, or null.
    Q_INVOKABLE EditorField* field(const QString& name) const;
    /// Starts a new record: defaults, then `preset` texts by field name.
    Q_INVOKABLE void startNew(const QVariantMap& preset = {});
    /// Loads a stored record by its key; false (and nothing changed) if there is none.
    Q_INVOKABLE bool load(const QString& key);
    /// Validates and writes; true when saved.
    Q_INVOKABLE bool save();
    /// Removes the loaded record; true when removed.
    Q_INVOKABLE bool remove();
    /// Shows the record as it is stored now (discarding the input), with its new version.
    Q_INVOKABLE bool showStored() { return load(m_key); }

    /// The names of the fields showing a problem.
    [[nodiscard]] QStringList fieldsWithErrors() const;

    /// Makes a field (for SpecFields and for fields a kind adds of its own).
    EditorField* makeField(const QString& name, const QString& label, bool isDate = false,
                           const QVariantList& choices = {});
    /// Shows a problem beside its field, or as the message when the form has no such field.
    void showError(const QString& field, const QString& message);

signals:
    void sessionChanged();
    void loaded();
    void messageChanged();
    void saved();

protected:
    /// Sets every field to a new record's defaults.
    virtual void clear() = 0;
    /// Shows the stored record with this key; false if there is none.
    virtual bool read(const QString& key) = 0;
    /// Reads and checks the fields; the write, or an empty Work when problems are shown.
    virtual Work prepare() = 0;
    /// Takes what a preset holds beyond the fields (a new record's link to where it came
    /// from, say); called by startNew after the fields are set.
    virtual void applyPreset(const QVariantMap& preset) { (void)preset; }
    /// The removal of the loaded record; empty when this kind is never removed.
    virtual Work removal() { return {}; }
    [[nodiscard]] virtual bool removable() const { return false; }
    /// How the open record is named in the dialog's title.
    [[nodiscard]] virtual QString nameOfRecord() const = 0;
    /// The form field a problem reported by core under `reported` belongs to.
    [[nodiscard]] virtual QString fieldFor(const QString& reported) const { return reported; }

    /// Runs a write, showing its problems; true when written.
    bool run(const Work& work);
    void clearErrors();
    void setMessage(const QString& message);
    [[nodiscard]] const QString& key() const { return m_key; }
    /// A field's text, trimmed.
    [[nodiscard]] QString textOf(const QString& name) const;

    QPointer<Session> m_session;
    /// The version of the loaded record (read() sets it), handed back with its save so that
    /// someone else's save in between is not overwritten; unknown for a new record.
    ledger::RecordVersion m_version;

private:
    std::vector<EditorField*> m_fields;
    bool m_isNew = true;
    QString m_key;
    QString m_recordName;
    QString m_message;
    bool m_stale = false;
};
