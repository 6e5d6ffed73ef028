@file:JvmName("RateLimiterKt")

package dev.example.ratelimit

import kotlinx.coroutines.*
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlin.math.min
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds

/**
 * A token-bucket rate limiter, from "Coroutines in practice".
 *
 * @property capacity maximum number of tokens in the bucket
 */
class TokenBucket(
    private val capacity: Int,
    private val refillEvery: Duration = 250.milliseconds,
) {
    private val mutex = Mutex()
    private var tokens: Double = capacity.toDouble()
    private var lastRefill = System.nanoTime()

    suspend fun tryAcquire(cost: Int = 1): Boolean = mutex.withLock {
        refill()
        if (tokens >= cost) {
            tokens -= cost
            true
        } else {
            false
        }
    }

    private fun refill() {
        val now = System.nanoTime()
        val elapsed = (now - lastRefill) / 1e6 // ms
        val added = elapsed / refillEvery.inWholeMilliseconds
        tokens = min(capacity.toDouble(), tokens + added)
        lastRefill = now
    }

    override fun toString() = "TokenBucket(capacity=$capacity, tokens=${"%.2f".format(tokens)})"
}

sealed class Outcome<out T> {
    data class Ok<T>(val value: T) : Outcome<T>()
    data class Limited(val retryAfterMs: Long) : Outcome<Nothing>()
    object Skipped : Outcome<Nothing>()
}

/* Extension function + generics + lambda with receiver. */
inline fun <reified T : Any> TokenBucket.guard(block: () -> T): Outcome<T> =
    runBlocking {
        if (tryAcquire()) Outcome.Ok(block()) else Outcome.Limited(retryAfterMs = 0x1F4L)
    }

enum class Tier(val perSecond: Int) {
    FREE(5), PRO(50), ENTERPRISE(1_000);

    val label: String
        get() = name.lowercase().replaceFirstChar { it.uppercase() }
}

@Suppress("MagicNumber")
fun main() = runBlocking {
    val bucket = TokenBucket(capacity = Tier.FREE.perSecond)
    val results = mutableListOf<Outcome<String>>()

    val jobs = (1..8).map { i ->
        launch(Dispatchers.Default) {
            delay(i * 10L)
            val r = bucket.guard { "request #$i 完成" }
            synchronized(results) { results += r }
        }
    }
    jobs.joinAll()

    val ok = results.count { it is Outcome.Ok }
    val ratio = ok.toFloat() / results.size
    println("""
        |Summary for ${Tier.FREE.label}:
        |  accepted = $ok
        |  ratio    = ${ratio * 100}%
    """.trimMargin())

    when (val first = results.firstOrNull()) {
        is Outcome.Ok -> println("first: ${first.value}")
        is Outcome.Limited -> println("retry in ${first.retryAfterMs} ms")
        Outcome.Skipped, null -> println("nothing\tto show")
    }
    val mask = 0b1010 and 0xF0 or 0x0F
    check(mask in 0..255) { "mask out of range: $mask" }
    println(bucket)
}
