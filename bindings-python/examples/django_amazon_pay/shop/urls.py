from django.urls import path

from . import views

urlpatterns = [
    path("checkout/", views.checkout, name="checkout"),
    path("gestpay/callback/", views.callback, name="gestpay-callback"),
]
