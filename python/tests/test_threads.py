"""test_threads.py — code_many codes on native threads with the GIL released
(other Python threads run meanwhile), and Python threads may share a Coder."""
import sys
import threading
import time

import dyad
from conftest import many_stories


def test_the_gil_is_released_while_coding(coder):
    """With a switch interval of minutes the main thread never gives the GIL
    away on its own: the ticker thread can tick during code_many only if
    code_many releases it."""
    stories = many_stories(30)
    ticks = [0]
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks[0] += 1
            time.sleep(0.0005)   # releases the GIL

    old = sys.getswitchinterval()
    t = threading.Thread(target=ticker)
    t.start()
    try:
        time.sleep(0.05)
        sys.setswitchinterval(300)
        for _ in range(5):   # the ticker is asleep or waiting for the GIL
            before = ticks[0]
            coder.code_many(stories, threads=2)
            during = ticks[0] - before
            if during > 0:
                break
    finally:
        sys.setswitchinterval(old)
        stop.set()
        t.join()
    assert during > 0


def test_python_threads_share_a_coder(coder):
    stories = many_stories(10)
    want = [e.as_dict() for e in coder.code_many(stories)]
    got = [None] * 4

    def run(k):
        got[k] = [e.as_dict() for e in coder.code_many(stories, threads=2)]

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [want] * 4


def test_more_threads_than_stories(coder):
    stories = many_stories(1)
    assert coder.code_many(stories, threads=64) == coder.code_many(stories)
