use super::clock::MINUTE_MS;
use super::*;

fn input() -> EventInput {
    EventInput {
        name: "Speed-dating de Sélestat".into(),
        date: "26/11/2026".into(),
        start_time: "14 h 30".into(),
        rounds: 4,
        tables: 3,
        round_minutes: 7,
        changeover_minutes: 2,
        breaks: vec![EventBreak {
            after_round: 2,
            minutes: 15,
        }],
        ..EventInput::default()
    }
}

#[test]
fn a_valid_event_is_read_the_french_way() {
    let e = input().validate().unwrap();
    assert_eq!(e.date, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
    assert_eq!(format_time(e.start_time), "14 h 30");
    for (raw, expected) in [("9:05", "9 h 05"), ("14h", "14 h 00"), ("18H45", "18 h 45")] {
        assert_eq!(format_time(parse_time("t", raw).unwrap()), expected);
    }
    for bad in ["", "25:00", "14h300", "midi", "h30"] {
        assert!(parse_time("t", bad).is_err(), "{bad}");
    }
}

#[test]
fn every_wrong_field_is_named_at_once() {
    let bad = EventInput {
        name: "  ".into(),
        date: "31/02/2026".into(),
        start_time: "25h".into(),
        rounds: 0,
        tables: 0,
        round_minutes: 0,
        breaks: vec![EventBreak {
            after_round: 9,
            minutes: 0,
        }],
        ..EventInput::default()
    };
    let errors = bad.validate().unwrap_err();
    let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
    for f in [
        "name",
        "date",
        "startTime",
        "rounds",
        "tables",
        "roundMinutes",
        "breaks.0",
    ] {
        assert!(fields.contains(&f), "{f} missing from {fields:?}");
    }
}

#[test]
fn slots_count_changeovers_and_breaks() {
    let e = input().validate().unwrap();
    let slots = e.timing().slots();
    let starts: Vec<u32> = slots.iter().map(|s| s.start_minute).collect();
    // 7 + 2, 7 + 15 (break after round 2), 7 + 2.
    assert_eq!(starts, [0, 9, 31, 40]);
    assert!(slots[1].break_after && !slots[0].break_after);
    assert_eq!(slots[3].gap_after, 0);
    let t = Timing::time_at(e.start_time, slots[2].start_minute);
    assert_eq!(format_time(t), "15 h 01");
}

#[test]
fn capacity_errors_speak_of_the_event() {
    assert!(check_capacity(4, 3, 3, 5, EventSide::Associations).is_ok());
    let e = check_capacity(2, 3, 3, 7, EventSide::Associations).unwrap_err();
    assert!(e.0[0].message.contains("6 rencontres"), "{:?}", e.0);
    let e = check_capacity(2, 3, 4, 0, EventSide::Associations).unwrap_err();
    assert_eq!(e.0.len(), 2, "{:?}", e.0);
}

fn timing() -> Timing {
    input().validate().unwrap().timing()
}

const M: i64 = MINUTE_MS;

#[test]
fn the_clock_runs_rounds_and_gaps_from_wall_time() {
    let t = timing();
    let c = RoomClock::ready(0, 4).start(&t, 1_000);
    assert_eq!((c.round, c.phase), (1, RoomPhase::Round));
    let v = c.view(&t, 1_000 + 3 * M);
    assert_eq!(v.remaining_ms, 4 * M);
    // Round 1 ends at 7 min; changeover to 9 min.
    let v = c.view(&t, 1_000 + 8 * M);
    assert_eq!(
        (v.clock.round, v.clock.phase, v.remaining_ms),
        (1, RoomPhase::Gap, M)
    );
    assert_eq!(v.started_rounds, 1);
    // Asleep from minute 3 to minute 35: round 3 has started at 31.
    let v = c.view(&t, 1_000 + 35 * M);
    assert_eq!((v.clock.round, v.clock.phase), (3, RoomPhase::Round));
    assert_eq!(v.remaining_ms, 3 * M);
    assert!(!v.is_break);
    let v = c.view(&t, 1_000 + 20 * M);
    assert!(v.is_break, "{v:?}");
    // Long after the end.
    let v = c.view(&t, 1_000 + 500 * M);
    assert_eq!((v.clock.phase, v.started_rounds), (RoomPhase::Finished, 4));
}

#[test]
fn pause_resume_and_next() {
    let t = timing();
    let c = RoomClock::ready(0, 4).start(&t, 0);
    let p = c.pause(&t, 2 * M);
    // Paused for an hour: still 5 minutes left.
    assert_eq!(p.view(&t, 62 * M).remaining_ms, 5 * M);
    let r = p.start(&t, 62 * M);
    assert_eq!(r.view(&t, 63 * M).remaining_ms, 4 * M);
    let n = r.next(&t, 63 * M);
    assert_eq!((n.round, n.phase), (1, RoomPhase::Gap));
    let n = n.next(&t, 63 * M).next(&t, 63 * M);
    assert_eq!((n.round, n.phase), (2, RoomPhase::Gap));
    // A paused clock stays paused across next.
    let q = n.pause(&t, 64 * M).next(&t, 65 * M);
    assert_eq!(
        (q.round, q.phase, q.paused_at_ms),
        (3, RoomPhase::Round, Some(65 * M))
    );
    assert_eq!(q.view(&t, 99 * M).remaining_ms, 7 * M);
}

#[test]
fn a_clock_resumes_after_played_rounds() {
    let c = RoomClock::ready(2, 4);
    assert_eq!((c.round, c.phase), (3, RoomPhase::Ready));
    assert_eq!(c.view(&timing(), 0).started_rounds, 2);
    assert_eq!(RoomClock::ready(4, 4).phase, RoomPhase::Finished);
}
