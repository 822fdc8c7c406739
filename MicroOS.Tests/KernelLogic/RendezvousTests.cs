using MicroOS.Kernel.Objects;
using Xunit;

namespace MicroOS.Tests.KernelLogic;

// The endpoint state machine (MicroOS.Kernel/Objects/Rendezvous.cs): Idle, Sending, Receiving, FIFO.
public sealed class RendezvousTests
{
    [Fact]
    public void ASenderWithNoReceiverWaitsAndTheNextReceiverTakesIt()
    {
        var e = new Rendezvous();
        Assert.Equal(EndpointState.Idle, e.State);
        var sender = new WaitNode();
        Assert.Null(e.TakeReceiver());
        e.WaitToSend(sender);
        Assert.Equal(EndpointState.Sending, e.State);
        Assert.Null(e.TakeReceiver());                  // senders never meet senders
        Assert.Same(sender, e.TakeSender());
        Assert.Equal(EndpointState.Idle, e.State);
        Assert.Null(sender.Queue);
    }

    [Fact]
    public void ReceiversAreServedInArrivalOrder()
    {
        var e = new Rendezvous();
        var r = new[] { new WaitNode(), new WaitNode(), new WaitNode() };
        foreach (WaitNode n in r)
            e.WaitToReceive(n);
        Assert.Equal(EndpointState.Receiving, e.State);
        Assert.Null(e.TakeSender());
        Assert.Same(r[0], e.TakeReceiver());
        Assert.Same(r[1], e.TakeReceiver());
        Assert.Same(r[2], e.TakeReceiver());
        Assert.Null(e.TakeReceiver());
        Assert.Equal(EndpointState.Idle, e.State);
    }

    // The IPC fast path decides on FirstReceiver before it takes anyone: it must name exactly the
    // receiver TakeReceiver then returns, leave the queue as it was, and never name a sender.
    [Fact]
    public void FirstReceiverIsTheOneTakeReceiverReturnsAndTakesNobody()
    {
        var e = new Rendezvous();
        Assert.Null(e.FirstReceiver);
        var sender = new WaitNode();
        e.WaitToSend(sender);
        Assert.Null(e.FirstReceiver);                   // a waiting sender is not a receiver
        Assert.Same(sender, e.TakeSender());
        var r = new[] { new WaitNode(), new WaitNode() };
        e.WaitToReceive(r[0]);
        e.WaitToReceive(r[1]);
        Assert.Same(r[0], e.FirstReceiver);
        Assert.Same(r[0], e.FirstReceiver);
        Assert.Equal(2, e.Waiting);
        Assert.Same(e.FirstReceiver, e.TakeReceiver());
        Assert.Same(r[1], e.FirstReceiver);
        Assert.Same(r[1], e.TakeReceiver());
        Assert.Null(e.FirstReceiver);
        Assert.Equal(EndpointState.Idle, e.State);
    }

    [Fact]
    public void AKilledWaiterLeavesTheQueueWithoutDisturbingTheOrder()
    {
        var e = new Rendezvous();
        var s = new[] { new WaitNode(), new WaitNode(), new WaitNode(), new WaitNode() };
        foreach (WaitNode n in s)
            e.WaitToSend(n);
        Assert.True(e.Cancel(s[1]));
        Assert.False(e.Cancel(s[1]));
        Assert.True(e.Cancel(s[3]));
        Assert.Same(s[0], e.TakeSender());
        Assert.Same(s[2], e.TakeSender());
        Assert.Equal(EndpointState.Idle, e.State);
        // The endpoint dies: TakeAny drains whatever waits.
        e.WaitToReceive(s[0]);
        e.WaitToReceive(s[1]);
        Assert.Same(s[0], e.TakeAny());
        Assert.Same(s[1], e.TakeAny());
        Assert.Null(e.TakeAny());
    }

    [Fact]
    public void RandomArrivalsNeverMixSendersAndReceivers()
    {
        var random = new Random(3);
        var e = new Rendezvous();
        var senders = new Queue<WaitNode>();
        var receivers = new Queue<WaitNode>();
        for (int i = 0; i < 10000; i++)
        {
            var n = new WaitNode();
            if (random.Next(2) == 0)
            {
                WaitNode r = e.TakeReceiver();
                if (r != null) Assert.Same(receivers.Dequeue(), r);
                else { e.WaitToSend(n); senders.Enqueue(n); }
            }
            else
            {
                WaitNode s = e.TakeSender();
                if (s != null) Assert.Same(senders.Dequeue(), s);
                else { e.WaitToReceive(n); receivers.Enqueue(n); }
            }
            Assert.True(senders.Count == 0 || receivers.Count == 0);
            Assert.Equal(senders.Count + receivers.Count, e.Waiting);
        }
    }
}
