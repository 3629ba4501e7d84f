#pragma once

// The programmes' five record editors, each a RecordForm whose fields come from its kind's
// core spec; the save goes through ProgrammeService, whose problems show beside their fields
// (named by column, as the imports name them). Keys: an enrolment by employee id; the
// others by `EMPLOYEE|...` (a supervision `EMPLOYEE|YYYY-MM-DD`, an apprenticeship
// `EMPLOYEE|STANDARD`, off-the-job hours and a progress review `EMPLOYEE|STANDARD|YYYY-MM-DD`).

#include "common/recordform.h"
#include "common/specfields.h"

#include "programmes/apprenticeship.h"
#include "programmes/asye.h"

#include <QVariantList>

/// A programme record's form: the record is about one person (its `employee_id` field), whose
/// name the form shows as it changes.
class PersonRecordForm : public RecordForm {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(QString personName READ personName NOTIFY personNameChanged)

public:
    using RecordForm::RecordForm;
    [[nodiscard]] QString personName() const;

signals:
    void personNameChanged();

protected:
    /// Announces personNameChanged whenever `employeeId` (the form's employee_id) changes.
    void watchPerson(EditorField* employeeId);
};

/// An ASYE enrolment: the person, start, assessor and supervisor, protected time, whether
/// there is a nine-month review, an extension, and the outcome of each review and of the year.
class AsyeEditor : public PersonRecordForm {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit AsyeEditor(QObject* parent = nullptr);

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    [[nodiscard]] QString nameOfRecord() const override;

private:
    SpecFields<ledger::AsyeEnrolment> m_fields;
    ledger::RecordId m_id = 0;
};

/// A supervision of an enrolled person on one day (today unless changed); one logged in error
/// is removed.
class SupervisionEditor : public PersonRecordForm {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit SupervisionEditor(QObject* parent = nullptr);

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    Work removal() override;
    [[nodiscard]] bool removable() const override { return true; }
    [[nodiscard]] QString nameOfRecord() const override;

private:
    SpecFields<ledger::Supervision> m_fields;
    ledger::Supervision m_stored;
};

/// An apprenticeship: the standard (code and title), provider, start and planned end, planned
/// off-the-job hours, weeks between reviews, breaks in learning (typed as `DD/MM/YYYY to
/// DD/MM/YYYY`, `;` between), gateway, EPA date and result, withdrawn on.
class ApprenticeshipEditor : public PersonRecordForm {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit ApprenticeshipEditor(QObject* parent = nullptr);

    /// `2025-03-01..2025-03-31;...` as people read it, and back (what cannot be read is kept
    /// as typed, for the spec to refuse).
    [[nodiscard]] static QString breaksForPeople(const QString& cell);
    [[nodiscard]] static QString breaksForCell(const QString& typed);

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    [[nodiscard]] QString nameOfRecord() const override;

private:
    SpecFields<ledger::Apprenticeship> m_fields;
    ledger::RecordId m_id = 0;
};

/// Off-the-job hours on one day (today unless changed) for one apprenticeship.
class OtjEditor : public PersonRecordForm {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit OtjEditor(QObject* parent = nullptr);

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    [[nodiscard]] QString nameOfRecord() const override;

private:
    SpecFields<ledger::OtjEntry> m_fields;
    ledger::RecordId m_id = 0;
};

/// A progress review on one day (today unless changed): on track or concerns, and notes.
class ApprenticeshipReviewEditor : public PersonRecordForm {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit ApprenticeshipReviewEditor(QObject* parent = nullptr);

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    [[nodiscard]] QString nameOfRecord() const override;

private:
    SpecFields<ledger::ApprenticeshipReview> m_fields;
    ledger::RecordId m_id = 0;
};
