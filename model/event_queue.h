#pragma once
// The pending-event set of the simulation: a 4-ary min-heap ordered by (time, insertion
// number), so that events at the same millisecond run in the order they were scheduled.

#include "sim_time.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace model {

template <typename Payload> class EventQueue {
public:
    struct Entry {
        Ms t;
        std::uint64_t order;
        Payload payload;
    };

    void push(Ms t, Payload payload) {
        heap_.push_back(Entry{t, next_order_++, std::move(payload)});
        sift_up(heap_.size() - 1);
    }

    bool empty() const { return heap_.empty(); }
    std::size_t size() const { return heap_.size(); }
    const Entry &top() const { return heap_.front(); }
    Ms next_time() const { return heap_.front().t; }

    Entry pop() {
        Entry out = std::move(heap_.front());
        heap_.front() = std::move(heap_.back());
        heap_.pop_back();
        if (!heap_.empty())
            sift_down(0);
        return out;
    }

    void reserve(std::size_t n) { heap_.reserve(n); }
    void clear() { heap_.clear(); }

private:
    static bool before(const Entry &a, const Entry &b) {
        return a.t < b.t || (a.t == b.t && a.order < b.order);
    }

    void sift_up(std::size_t i) {
        Entry moving = std::move(heap_[i]);
        while (i > 0) {
            const std::size_t parent = (i - 1) / 4;
            if (!before(moving, heap_[parent]))
                break;
            heap_[i] = std::move(heap_[parent]);
            i = parent;
        }
        heap_[i] = std::move(moving);
    }

    void sift_down(std::size_t i) {
        const std::size_t n = heap_.size();
        Entry moving = std::move(heap_[i]);
        for (;;) {
            const std::size_t first = 4 * i + 1;
            if (first >= n)
                break;
            std::size_t best = first;
            const std::size_t last = first + 4 < n ? first + 4 : n;
            for (std::size_t c = first + 1; c < last; ++c)
                if (before(heap_[c], heap_[best]))
                    best = c;
            if (!before(heap_[best], moving))
                break;
            heap_[i] = std::move(heap_[best]);
            i = best;
        }
        heap_[i] = std::move(moving);
    }

    std::vector<Entry> heap_;
    std::uint64_t next_order_ = 0;
};

// The simulation's agenda: the queue plus the current time. An event asked for in the past is
// not queued (time never runs backwards); it is kept as an error for the run to report.
template <typename Payload> class Agenda {
public:
    struct PastEvent {
        Ms now;   // when it was asked for
        Ms asked; // the time it asked to run at
        Payload payload;
    };

    void schedule(Ms t, Payload payload) {
        if (t < now_)
            errors_.push_back(PastEvent{now_, t, std::move(payload)});
        else
            queue_.push(t, std::move(payload));
    }
    bool empty() const { return queue_.empty(); }
    Ms next_time() const { return queue_.next_time(); }
    // Takes the next event and moves the clock to it.
    typename EventQueue<Payload>::Entry pop() {
        auto e = queue_.pop();
        now_ = e.t;
        return e;
    }
    Ms now() const { return now_; }
    void reserve(std::size_t n) { queue_.reserve(n); }
    const std::vector<PastEvent> &errors() const { return errors_; }

private:
    EventQueue<Payload> queue_;
    Ms now_ = 0;
    std::vector<PastEvent> errors_;
};

} // namespace model
