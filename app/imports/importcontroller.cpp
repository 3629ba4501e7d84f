#include "imports/importcontroller.h"

#include "common/convert.h"
#include "session/session.h"
#include "common/variantlistmodel.h"

#include "base/error.h"
#include "io/importer.h"
#include "base/progress.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QThread>

using convert::text;

ImportController::ImportController(QObject* parent)
    : QObject(parent),
      m_problems(new VariantListModel({QStringLiteral("line"), QStringLiteral("field"),
                                       QStringLiteral("message"), QStringLiteral("text")},
                                      this)) {
}

ImportController::~ImportController() {
    cancel();
    if (m_thread) {
        // The worker holds the session's ledger: it must end before anything goes away.
        m_thread->wait();
        QCoreApplication::sendPostedEvents(this);
    }
}

void ImportController::setSession(Session* session) {
    if (m_session != session) {
        m_session = session;
        emit sessionChanged();
    }
}

void ImportController::setKind(const QString& kind) {
    if (kind == m_kind || !ledger::parseImportKind(text(kind))) {
        return;
    }
    m_kind = kind;
    emit kindChanged();
    m_problems->setRows({});
    setState(QStringLiteral("idle"), {});
}

void ImportController::setFileUrl(const QUrl& url) {
    if (url == m_fileUrl) {
        return;
    }
    m_fileUrl = url;
    emit fileChanged();
    m_problems->setRows({});
    setState(QStringLiteral("idle"), {});
}

QString ImportController::fileName() const {
    return m_fileUrl.isEmpty() ? QString() : QFileInfo(m_fileUrl.toLocalFile()).fileName();
}

QString ImportController::expectedColumns() const {
    const auto kind = ledger::parseImportKind(text(m_kind));
    if (!kind) {
        return {};
    }
    const auto& columns = ledger::importColumns(*kind);
    QStringList names;
    for (const auto& c : columns.required) {
        names << text(c);
    }
    QString out = names.join(QLatin1Char(','));
    if (!columns.optional.empty()) {
        QStringList optional;
        for (const auto& c : columns.optional) {
            optional << text(c);
        }
        out += tr(" (optional: %1)").arg(optional.join(QLatin1Char(',')));
    }
    return out;
}

void ImportController::setState(const QString& state, const QString& summary) {
    m_state = state;
    m_summary = summary;
    emit stateChanged();
}

void ImportController::check() {
    start(true);
}

void ImportController::runImport() {
    if (canImport()) {
        start(false);
    }
}

void ImportController::cancel() {
    if (m_cancel) {
        m_cancel->store(true);
    }
}

bool ImportController::waitForFinished(int milliseconds) {
    if (!m_thread) {
        return true;
    }
    const bool done = m_thread->wait(QDeadlineTimer(milliseconds));
    QCoreApplication::sendPostedEvents(this);
    return done;
}

void ImportController::start(bool dryRun) {
    if (m_thread || !m_session || !m_session->ledger()) {
        return;
    }
    if (!dryRun && m_session->readOnly()) {
        setState(QStringLiteral("failed"), tr("This ledger is open read-only."));
        return;
    }
    if (m_fileUrl.isEmpty()) {
        setState(QStringLiteral("failed"), tr("Choose a CSV file that can be read."));
        return;
    }
    // Opened and checked here; read in pieces by the import, off the interface thread.
    std::shared_ptr<ledger::ImportFile> file;
    try {
        file = std::make_shared<ledger::ImportFile>(text(m_fileUrl.toLocalFile()));
    } catch (const ledger::ImportFileError& e) {
        setState(QStringLiteral("failed"),
                 tr("Choose a CSV file that can be read: %1").arg(text(e.what())));
        return;
    }
    const auto kind = *ledger::parseImportKind(text(m_kind));
    const std::string name = text(fileName());
    const ledger::Date today = m_session->todayDate();
    const std::string actor = m_session->actorName();
    ledger::Ledger* ledger = m_session->ledgerForTask();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto cancelFlag = m_cancel;
    m_progress = 0;
    emit progressChanged();
    m_problems->setRows({});
    setState(dryRun ? QStringLiteral("checking") : QStringLiteral("importing"), {});
    m_session->setBusy(true);

    m_thread = QThread::create([=, this] {
        ledger::Progress progress;
        progress.report = [this, cancelFlag](double fraction) {
            QMetaObject::invokeMethod(
                this,
                [this, fraction] {
                    m_progress = fraction;
                    emit progressChanged();
                },
                Qt::QueuedConnection);
            return !cancelFlag->load();
        };
        QString state;
        QString summary;
        QList<QVariantMap> problems;
        try {
            const ledger::ImportSummary s =
                ledger->importFile(kind, *file, name, today, dryRun, actor, &progress);
            summary = (dryRun ? tr("Ready to import: %1 to add, %2 to update, %3 unchanged.")
                              : tr("Imported: %1 added, %2 updated, %3 unchanged."))
                          .arg(s.added)
                          .arg(s.updated)
                          .arg(s.unchanged);
            for (const ledger::FieldError& n : s.notices) {
                problems.push_back({{QStringLiteral("line"), n.line},
                                    {QStringLiteral("field"), text(n.field)},
                                    {QStringLiteral("message"), text(n.message)},
                                    {QStringLiteral("text"), text(ledger::formatFieldError(n))}});
            }
            state = dryRun ? QStringLiteral("checked") : QStringLiteral("imported");
        } catch (const ledger::ValidationError& e) {
            for (const ledger::FieldError& f : e.errors()) {
                problems.push_back({{QStringLiteral("line"), f.line},
                                    {QStringLiteral("field"), text(f.field)},
                                    {QStringLiteral("message"), text(f.message)},
                                    {QStringLiteral("text"), text(ledger::formatFieldError(f))}});
            }
            state = QStringLiteral("invalid");
            summary = tr("%n problem(s) found: nothing can be imported until they are corrected.",
                         nullptr, static_cast<int>(e.errors().size()));
        } catch (const ledger::Cancelled&) {
            state = QStringLiteral("cancelled");
            summary = tr("Cancelled: nothing was imported.");
        } catch (...) {
            state = QStringLiteral("failed");
            summary = Session::describeCurrentException();
        }
        QMetaObject::invokeMethod(
            this,
            [this, state, summary, problems, dryRun] {
                m_thread = nullptr; // deleted when it has finished (see below)
                m_cancel.reset();
                m_problems->setRows(problems);
                m_progress = 1;
                emit progressChanged();
                if (m_session) {
                    m_session->setBusy(false);
                    if (!dryRun && state == QLatin1String("imported")) {
                        m_session->reload();
                    }
                }
                setState(state, summary);
                emit finished();
            },
            Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}
