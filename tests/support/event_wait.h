#pragma once
// Lets a test wait for work the app does off the GUI thread: the event loop runs in slices
// until the condition holds or the time is up; the caller then checks the condition itself.

#include <QEventLoop>
#include <QTimer>

#include <functional>

namespace testing {

inline void run_events_until(const std::function<bool()> &done, int timeout_ms, int slice_ms = 20) {
    for (int waited = 0; waited < timeout_ms && !done(); waited += slice_ms) {
        QEventLoop loop;
        QTimer::singleShot(slice_ms, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

} // namespace testing
