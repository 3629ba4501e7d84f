#include "session/idlelock.h"

#include <QEvent>

IdleLock::IdleLock(QObject* parent) : QObject(parent) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_armed = false;
        emit expired();
    });
}

void IdleLock::setMinutes(int minutes) {
    m_minutes = minutes;
    restart();
}

void IdleLock::setInterval(std::chrono::milliseconds interval) {
    m_override = interval;
    restart();
}

void IdleLock::arm() {
    m_armed = true;
    restart();
}

void IdleLock::disarm() {
    m_armed = false;
    m_timer.stop();
}

void IdleLock::noteActivity() {
    restart();
}

void IdleLock::restart() {
    if (!m_armed) {
        return;
    }
    if (m_override.count() > 0) {
        m_timer.start(m_override);
    } else if (m_minutes > 0) {
        m_timer.start(std::chrono::minutes(m_minutes));
    } else {
        m_timer.stop();
    }
}

void IdleLock::watch(QObject* target) {
    target->installEventFilter(this);
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
        noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}
