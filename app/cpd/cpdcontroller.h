#pragma once

#include "common/pagecontroller.h"

#include "common/variantlistmodel.h"
#include "common/whenshown.h"
#include "session/session.h"

#include "cpd/cpd_export.h"

#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <optional>
#include <string>

/// One person's CPD, for My learning and the person page: their entries (drafts too, where
/// this account may see them) with evidence, this registration year's Social Work England
/// check and this cycle's HCPC check in words, the sessions they attended that have no entry
/// yet, and what to do next. Every figure is core's (CpdService, registration.h).
class CpdController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString employeeId READ employeeId WRITE setEmployeeId NOTIFY employeeIdChanged)
    /// entryId, date (DD/MM/YYYY), title, type (words), hours (`1.50`), status (words),
    /// statusCode, peerReflection (bool), standards, themes, evidence (count), source (words).
    Q_PROPERTY(VariantListModel* entries READ entries CONSTANT)
    /// key, title, when (words), date (DD/MM/YYYY): attended sessions with no entry yet.
    Q_PROPERTY(VariantListModel* toLog READ toLog CONSTANT)
    /// applicable, statusCode (`met`, `not_met`), status (words), headline, detail.
    Q_PROPERTY(QVariantMap socialWorkEngland READ socialWorkEngland NOTIFY changed)
    Q_PROPERTY(QVariantMap hcpc READ hcpc NOTIFY changed)
    /// What this person should do next about their CPD, one sentence each.
    Q_PROPERTY(QStringList nextSteps READ nextSteps NOTIFY changed)
    /// "3 entries · 1 draft · 7.50 hours this registration year" (empty when none).
    Q_PROPERTY(QString summary READ summary NOTIFY changed)

public:
    explicit CpdController(QObject* parent = nullptr);

    [[nodiscard]] QString employeeId() const { return m_employeeId; }
    void setEmployeeId(const QString& id);
    [[nodiscard]] VariantListModel* entries() const { return m_entries; }
    [[nodiscard]] VariantListModel* toLog() const { return m_toLog; }
    [[nodiscard]] QVariantMap socialWorkEngland() const { return m_swe; }
    [[nodiscard]] QVariantMap hcpc() const { return m_hcpc; }
    [[nodiscard]] QStringList nextSteps() const { return m_nextSteps; }
    [[nodiscard]] QString summary() const { return m_summary; }

    /// The fields of a new entry made from an attended session, for the CPD form: nothing is
    /// stored until it is saved.
    Q_INVOKABLE QVariantMap draftFromSession(const QString& sessionKey) const;
    /// The files kept with a record: `owner` is "evidence" (of a CPD entry) or "certificate"
    /// (of a completion); each {attachmentId, name, size (words)}.
    Q_INVOKABLE QVariantList attachments(const QString& owner, qint64 ownerId) const;
    /// Attaches a file: "" when attached, else why not (too large: nothing read past the
    /// limit, nothing saved).
    Q_INVOKABLE QString attach(const QString& owner, qint64 ownerId, const QUrl& file);
    /// Writes an attachment's bytes to a file of the person's choosing: "" or why not.
    Q_INVOKABLE QString saveAttachmentAs(qint64 attachmentId, const QUrl& file);
    Q_INVOKABLE QString removeAttachment(qint64 attachmentId);
    Q_INVOKABLE QString removeEntry(qint64 entryId);

    /// The person's final entries a CPD profile's statement may describe, latest first:
    /// {entryId, date, title, type, chosen}; `chosen` marks the ones taken when none are
    /// picked (the six most recent of this HCPC cycle).
    Q_INVOKABLE QVariantList statementChoices() const;
    /// Words in a text as HCPC counts them for its limits (core's countWords).
    Q_INVOKABLE int countWords(const QString& text) const;
    /// Writes the person's final CPD entries to `file`, `format` "csv" or "pdf" (in the order
    /// of Social Work England's form), as a task with progress and cancel: the file appears
    /// whole, readable by its owner only, or not at all. "" when started, else why not; the
    /// end is told by exportFinished.
    Q_INVOKABLE QString exportRecord(const QUrl& file, const QString& format);
    /// Writes the person's HCPC-style CPD profile (PDF) the same way: their practice summary
    /// (empty: one from their record) and the entries of the statement (empty: the default).
    Q_INVOKABLE QString exportHcpcProfile(const QUrl& file, const QString& summary,
                                          const QVariantList& entryIds);

signals:
    void employeeIdChanged();
    void changed();
    /// An export ended: `ok` when the file was written; `message` says so or why not.
    void exportFinished(bool ok, const QString& message);

private:
    /// What the person's exports read; nullopt with `error` set when locked or unknown.
    std::optional<ledger::CpdExportData> exportData(QString& error) const;
    QString startExport(const QUrl& file, std::function<std::string()> render);
    void build() override;

    QString m_employeeId;
    VariantListModel* m_entries;
    VariantListModel* m_toLog;
    QVariantMap m_swe;
    QVariantMap m_hcpc;
    QStringList m_nextSteps;
    QString m_summary;
};
