#pragma once

#include "reports/reportpagecontroller.h"

#include "common/variantlistmodel.h"

#include "reports/coverage_reports.h"

#include <QDate>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <vector>

/// The overdue and due soon page: every required (person, module) overdue on a date or
/// falling due within 30, 60 or 90 days of it (core's expiringRows and expiringReport),
/// grouped by team or by line manager. Worked out as a task; each line manager's rows can be
/// saved as a reminder list (the CSV of `report expiring` for just those rows), and the whole
/// list as CSV, Excel or PDF.
///
/// `items` is one flat list for a ListView: a `group` item (its title, counts and key) before
/// the `person` items of that group, so that a county's thousands of rows are delegates made
/// only as they scroll into view.
class ExpiringController : public ReportPageController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QDate asOf READ asOf NOTIFY asOfChanged)
    Q_PROPERTY(QString asOfText READ asOfText NOTIFY asOfChanged)
    /// The window in days (30, 60 or 90 on the page).
    Q_PROPERTY(int within READ within WRITE setWithin NOTIFY withinChanged)
    /// Grouped by line manager (true) or by team (false).
    Q_PROPERTY(bool byManager READ byManager WRITE setByManager NOTIFY byManagerChanged)
    /// Roles: kind (group, person); for a group: title, key (the line manager's id or the
    /// team's name), overdue, dueWithin, counts (in words), hasManager (a manager's group, so
    /// it has a reminder list); for a person: name, employeeId, samePerson (the item above is
    /// theirs too), team, module, status (code), statusLabel, expires, due (DD/MM/YYYY),
    /// accessibleText. By line manager the groups follow core's order (by manager id), the
    /// people with no line manager last.
    Q_PROPERTY(VariantListModel* items READ items CONSTANT)
    Q_PROPERTY(bool hasReport READ hasReport NOTIFY reportChanged)
    /// "412 overdue, 1,018 due within 90 days, as of 29/11/2026", or that nobody is.
    Q_PROPERTY(QString summary READ summary NOTIFY reportChanged)
    Q_PROPERTY(int rowCount READ reportRowCount NOTIFY reportChanged)

public:
    explicit ExpiringController(QObject* parent = nullptr);
    ~ExpiringController() override;

    [[nodiscard]] QDate asOf() const { return m_asOf; }
    [[nodiscard]] QString asOfText() const;
    [[nodiscard]] int within() const { return m_within; }
    void setWithin(int days);
    [[nodiscard]] bool byManager() const { return m_byManager; }
    void setByManager(bool byManager);
    [[nodiscard]] VariantListModel* items() const { return m_items; }
    [[nodiscard]] bool hasReport() const { return m_hasReport; }
    [[nodiscard]] QString summary() const { return m_summary; }
    [[nodiscard]] int reportRowCount() const { return static_cast<int>(m_rows.size()); }

    /// Sets the date from DD/MM/YYYY; returns "" or what is wrong with it.
    Q_INVOKABLE QString setAsOfText(const QString& text);
    Q_INVOKABLE void setAsOf(const QDate& date);
    Q_INVOKABLE void showToday();
    /// Saves the whole list as csv, xlsx or pdf to `url` (a task; see saveMessage).
    Q_INVOKABLE void save(const QString& format, const QUrl& url);
    /// Saves the rows of the people whose line manager is `managerId` as a CSV for a mail
    /// merge: the columns of `report expiring`, those rows only.
    Q_INVOKABLE void saveReminderList(const QString& managerId, const QUrl& url);
    /// A file name to offer: overdue-and-due-soon-2026-11-29.csv, or for a manager's
    /// reminder list reminders-HW00012-2026-11-29.csv.
    Q_INVOKABLE QString suggestedFileName(const QString& format,
                                          const QString& managerId = {}) const;

    /// The report shown, and one manager's reminder list (tests and saves).
    [[nodiscard]] const ledger::Report& report() const { return m_report; }
    [[nodiscard]] ledger::Report reminderReport(const QString& managerId) const;

signals:
    void asOfChanged();
    void withinChanged();
    void byManagerChanged();
    void reportChanged();

private:
    struct Shown;
    void build() override;
    void sessionAttached() override;
    void show(Shown shown);

    QDate m_asOf;
    int m_within = 90;
    bool m_byManager = true;
    VariantListModel* m_items;
    bool m_hasReport = false;
    QString m_summary;
    // What the list shows: its rows, as of when and over which window (a reminder list is
    // made of these, whatever the controls say meanwhile).
    std::vector<ledger::ExpiringRow> m_rows;
    ledger::Date m_reportAsOf{};
    int m_reportWithin = 90;
    ledger::Report m_report;
};
