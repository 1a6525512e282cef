import { expect } from '@open-wc/testing';
import { Coverage } from '../../../src/components/course-progress-tracker/played-coverage.js';

describe('course-progress-tracker/played-coverage', () => {
  it('counts played segments, not the playhead: a seek to the end adds nothing', () => {
    const c = new Coverage();
    for (let t = 0; t <= 2; t += 0.25) c.observe(t);
    c.interrupt();
    c.observe(59);
    c.observe(60);
    expect(c.played()).to.equal(3);
    expect(c.percent(60)).to.equal(5);
  });

  it('counts a replayed stretch once', () => {
    const c = new Coverage();
    for (let t = 0; t <= 10; t += 0.5) c.observe(t);
    c.interrupt();
    for (let t = 5; t <= 15; t += 0.5) c.observe(t);
    expect(c.played()).to.equal(15);
    expect(c.toJSON()).to.deep.equal([[0, 15]]);
  });

  it('treats a jump larger than the step as a seek', () => {
    const c = new Coverage();
    c.observe(0);
    c.observe(1);
    c.observe(30);
    c.observe(31);
    expect(c.played()).to.equal(2);
  });

  it('counts a late report as playback: a busy page that delivers the next timeupdate 3 s later skipped nothing', () => {
    const c = new Coverage();
    c.observe(0, 0);
    c.observe(3, 3000);
    c.observe(3.25, 3250);
    expect(c.played()).to.equal(3.25);
    // A jump further than the time that passed could have played is still a seek.
    c.observe(20, 3500);
    c.observe(21, 4500);
    expect(c.played()).to.equal(4.25);
  });

  it("counts a played range from the timeline's start: one reported from before 0 (a player's own record) adds nothing before it", () => {
    const c = new Coverage([[-50, 5]]);
    c.add(-10, 2);
    expect(c.played()).to.equal(5);
    expect(c.toJSON()).to.deep.equal([[0, 5]]);
  });
});
